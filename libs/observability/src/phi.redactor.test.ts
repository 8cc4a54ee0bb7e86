import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPhiKey, redactPhi, redactString } from './index';

const PHONE = '+15552345634';
const EMAIL = 'jane.doe@example.com';
const DOB = '1980-04-12';

describe('redactPhi: keys', () => {
  it('redacts values under PHI keys in any casing style', () => {
    const redacted = redactPhi({
      phoneNumber: PHONE,
      phone_number: PHONE,
      'phone-number': PHONE,
      From: PHONE,
      to: PHONE,
      callerNumber: PHONE,
      dob: 'April 12',
      DATE_OF_BIRTH: 'April 12',
      birthDate: 'April 12',
      memberId: 'M-0001',
      ssn: 'x',
      firstName: 'Jane',
      last_name: 'Doe',
      name: 'Jane Doe',
      address: '1 Main St',
      zip: '02139',
      postalCode: '02139',
      email: 'x',
      transcript: 'I was born on April 12',
      text: 'hello',
      utterance: 'hello',
      notes: 'n',
      diagnosis: 'd',
    });
    for (const [key, value] of Object.entries(redacted as Record<string, unknown>)) {
      assert.equal(value, '[REDACTED]', key);
    }
  });

  it('keeps ordinary ids, counters and timestamps', () => {
    const input = {
      callId: 'CA1f0e2d3c4b5a69788796a5b4c3d2e1f0',
      tenantId: '3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c',
      turnId: 'turn-7',
      uuid: '123e4567-e89b-12d3-a456-426614174000',
      at: '2026-11-23T18:00:00Z',
      atLocal: '2026-11-23 18:00:00',
      startedAtMs: 1763920800000,
      epochSeconds: '1763920800',
      offset: '12345',
      context: 'RoutesResolver',
      toolName: 'book_appointment',
      topicName: 'call.transcript',
      promptTokens: 812,
    };
    assert.deepEqual(redactPhi(input), input);
  });

  it('classifies keys with exact words and specific fragments', () => {
    for (const key of ['callerPhone', 'contact_email', 'patientName', 'homeAddress', 'apiKey', 'dbPassword']) {
      assert.ok(isPhiKey(key), key);
    }
    for (const key of ['serviceName', 'context', 'className', 'tokenCount', 'timeout', 'toolName']) {
      assert.equal(isPhiKey(key), false, key);
    }
  });
});

describe('redactPhi: strings', () => {
  it('masks phone numbers in E.164 and NANP formats anywhere', () => {
    for (const phone of ['+15552345634', '+1 (555) 234-5634', '(555) 234-5634', '555-234-5634', '555.234.5634', '1-555-234-5634', '5552345634', '+44 20 7946 0958']) {
      const masked = redactString(`caller said ${phone} twice`);
      assert.equal(masked, 'caller said [REDACTED:phone] twice', phone);
    }
  });

  it('masks emails, SSNs, bare dates and URL credentials', () => {
    assert.equal(redactString(`mail ${EMAIL} now`), 'mail [REDACTED:email] now');
    assert.equal(redactString('ssn 123-45-6789.'), 'ssn [REDACTED:ssn].');
    assert.equal(redactString(`born ${DOB}`), 'born [REDACTED:date]');
    assert.equal(redactString('born 04/12/1980 or 4-12-1980'), 'born [REDACTED:date] or [REDACTED:date]');
    assert.equal(
      redactString('connect postgres://va:hunter2@db:5432/va failed'),
      'connect postgres://va:[REDACTED]@db:5432/va failed',
    );
  });

  it('leaves timestamps with a time of day, uuids and plain numbers alone', () => {
    for (const text of ['2026-11-23T18:00:00Z', '2026-11-23T18:00:00.123+05:30', 'at 2026-11-23 18:00', '123e4567-e89b-12d3-a456-426614174000', 'took 1234 ms', 'v1.2.3', 'ratio 0.5552345634', 'kafka 127.0.0.1:19092']) {
      assert.equal(redactString(text), text);
    }
  });

  it('scans strings under non-PHI keys, in arrays, and in Error messages and stacks', () => {
    const error = new Error(`no slot for ${PHONE} (${EMAIL}), dob ${DOB}`);
    const redacted = JSON.stringify(redactPhi({ reason: `call ${PHONE}`, list: [EMAIL], error }));
    for (const secret of [PHONE, EMAIL, DOB]) assert.ok(!redacted.includes(secret), secret);
    const shaped = redactPhi(error) as Record<string, unknown>;
    assert.equal(shaped['type'], 'Error');
    assert.match(String(shaped['message']), /^no slot for \[REDACTED:phone\]/);
    assert.match(String(shaped['stack']), /^Error: no slot for \[REDACTED:phone\]/);
  });
});

describe('redactPhi: structure', () => {
  it('is cycle-safe and depth-bounded, and does not touch the input', () => {
    const input: Record<string, unknown> = { phone: PHONE, level1: { level2: {} } };
    input['self'] = input;
    let deep: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 20; i += 1) deep = { nested: deep };
    input['deep'] = deep;
    const redacted = redactPhi(input) as Record<string, unknown>;
    assert.equal(redacted['self'], '[circular]');
    assert.match(JSON.stringify(redacted['deep']), /\[truncated\]/);
    assert.equal(input['phone'], PHONE);
  });

  it('keeps shared (non-cyclic) references', () => {
    const shared = { callId: 'c1' };
    assert.deepEqual(redactPhi({ a: shared, b: shared }), { a: shared, b: shared });
  });

  it('summarises binary data and converts dates, maps, sets and bigints', () => {
    const redacted = redactPhi({
      audio: Buffer.alloc(160),
      frame: new Uint8Array(320),
      at: new Date('2026-11-23T18:00:00Z'),
      byCaller: new Map([[PHONE, 1]]),
      tags: new Set(['a', EMAIL]),
      big: 10n,
    });
    assert.deepEqual(redacted, {
      audio: '[binary 160 bytes]',
      frame: '[binary 320 bytes]',
      at: '2026-11-23T18:00:00.000Z',
      byCaller: { '[REDACTED:phone]': 1 },
      tags: ['a', '[REDACTED:email]'],
      big: '10',
    });
  });

  it('scans error causes and extra error fields', () => {
    const cause = new Error(`lookup failed for ${EMAIL}`);
    const error = Object.assign(new Error('booking failed', { cause }), { detail: `Key (phone)=(${PHONE})`, memberId: 'M1' });
    const text = JSON.stringify(redactPhi(error));
    assert.ok(!text.includes(EMAIL) && !text.includes(PHONE) && !text.includes('M1'), text);
  });
});
