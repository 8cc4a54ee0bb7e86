import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskPhone, phoneForRole, transcriptForRole } from './call.redaction';

describe('call redaction by role', () => {
  it('masks all but the last two digits of a number for auditors only', () => {
    assert.equal(maskPhone('+15551234567'), '+*********67');
    assert.equal(phoneForRole('auditor', '+15551234567'), '+*********67');
    assert.equal(phoneForRole('admin', '+15551234567'), '+15551234567');
  });

  it('redacts PHI in transcript text for auditors only', () => {
    const text = 'born 1952-03-03, reach me at +15551234567';
    const redacted = transcriptForRole('auditor', text);
    assert.doesNotMatch(redacted, /1952-03-03|5551234567/);
    assert.match(redacted, /^born /);
    assert.equal(transcriptForRole('broker', text), text);
  });
});
