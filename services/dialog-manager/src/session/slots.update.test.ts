import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshSession } from './call-session.test-support';
import { clearSlots, confirmSlot, confirmedSlotValue, proposeSlotValue, recordFailedCapture } from './slots.update';

describe('slot updates', () => {
  it('proposes a value unconfirmed, confirms it after the read-back', () => {
    const start = freshSession('call-1');
    const proposed = proposeSlotValue(start, 'dateOfBirth', '1952-03-03');
    assert.deepEqual(proposed.slots.dateOfBirth, { value: '1952-03-03', confirmed: false, attempts: 0 });
    assert.equal(confirmedSlotValue(proposed, 'dateOfBirth'), undefined);
    const confirmed = confirmSlot(proposed, 'dateOfBirth');
    assert.equal(confirmedSlotValue(confirmed, 'dateOfBirth'), '1952-03-03');
    assert.deepEqual(start.slots, {}, 'the input is left untouched');
  });

  it('counts failed captures per slot and per call, and drops the value', () => {
    let session = proposeSlotValue(freshSession('call-1'), 'memberId', 'ABC123');
    session = recordFailedCapture(session, 'memberId');
    session = recordFailedCapture(session, 'memberId');
    session = recordFailedCapture(session, 'phone');
    assert.deepEqual(session.slots.memberId, { value: null, confirmed: false, attempts: 2 });
    assert.equal(session.slots.phone?.attempts, 1);
    assert.equal(session.counters.failedCaptures, 3);
  });

  it('keeps attempts when a new candidate replaces a failed one, and a new candidate needs a new confirmation', () => {
    let session = recordFailedCapture(freshSession('call-1'), 'dateOfBirth');
    session = confirmSlot(proposeSlotValue(session, 'dateOfBirth', '1952-03-03'), 'dateOfBirth');
    session = proposeSlotValue(session, 'dateOfBirth', '1953-03-03');
    assert.deepEqual(session.slots.dateOfBirth, { value: '1953-03-03', confirmed: false, attempts: 1 });
  });

  it('returns the same session when nothing changes', () => {
    const proposed = proposeSlotValue(freshSession('call-1'), 'phone', '+15550100');
    assert.equal(proposeSlotValue(proposed, 'phone', '+15550100'), proposed);
    const confirmed = confirmSlot(proposed, 'phone');
    assert.equal(confirmSlot(confirmed, 'phone'), confirmed);
  });

  it('throws when confirming a slot that holds no value, without echoing values', () => {
    assert.throws(() => confirmSlot(freshSession('call-1'), 'dateOfBirth'), /cannot confirm slot dateOfBirth/);
    assert.throws(() => confirmSlot(recordFailedCapture(freshSession('call-1'), 'dateOfBirth'), 'dateOfBirth'));
  });

  it('clears named slots and leaves the others', () => {
    let session = proposeSlotValue(freshSession('c1'), 'dateOfBirth', '1952-03-03');
    session = recordFailedCapture(session, 'memberId');
    session = proposeSlotValue(session, 'payer', 'Acme');
    const cleared = clearSlots(session, ['dateOfBirth', 'memberId', 'unknown']);
    assert.deepEqual(Object.keys(cleared.slots), ['payer']);
    assert.equal(clearSlots(cleared, ['dateOfBirth']), cleared);
  });
});
