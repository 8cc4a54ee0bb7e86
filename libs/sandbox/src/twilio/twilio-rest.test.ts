import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import twilio from 'twilio';
import { TwilioStandIn } from './twilio.stand-in';
import { twilioClientFor } from './twilio-sdk.client';

const ACCOUNT_SID = 'AC' + '0123456789abcdef'.repeat(2);
const AUTH_TOKEN = 'rest-test-token';
const PAUSE_TWIML = '<Response><Pause length="30"/></Response>';

/** Awaits a twilio-node call that must fail, and returns the RestException's status and code. */
async function restError(request: Promise<unknown>): Promise<{ status: number; code: number }> {
  try {
    await request;
  } catch (error) {
    assert.ok(error instanceof twilio.RestException, `expected a RestException, got ${String(error)}`);
    return { status: error.status, code: error.code ?? 0 };
  }
  assert.fail('the request succeeded');
}

describe('Twilio stand-in REST Calls API driven by twilio-node', () => {
  let standIn: TwilioStandIn;
  let client: twilio.Twilio;

  before(async () => {
    standIn = await TwilioStandIn.start({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    client = twilioClientFor(standIn);
  });
  after(async () => standIn.close());

  it('calls.create answers 201 with the Call resource, and fetch returns it', async () => {
    const call = await client.calls.create({ to: '+15550100001', from: '+15550100002', twiml: PAUSE_TWIML });
    assert.match(call.sid, /^CA[0-9a-f]{32}$/);
    assert.equal(call.accountSid, ACCOUNT_SID);
    assert.equal(call.status, 'queued');
    assert.equal(call.direction, 'outbound-api');
    assert.equal(call.to, '+15550100001');
    assert.equal(call.from, '+15550100002');
    assert.equal(call.apiVersion, '2010-04-01');
    assert.ok(call.dateCreated instanceof Date && !Number.isNaN(call.dateCreated.getTime()));
    assert.equal(call.uri, `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${call.sid}.json`);
    const created = standIn.requests.all().find((entry) => entry.path.endsWith('/Calls.json'));
    assert.equal(created?.method, 'POST');
    assert.equal(created?.headers.authorization, 'Basic ***');

    await waitUntil(() => standIn.call(call.sid)?.status === 'in-progress');
    const fetched = await client.calls(call.sid).fetch();
    assert.equal(fetched.sid, call.sid);
    assert.equal(fetched.status, 'in-progress');
    assert.equal(fetched.answeredBy, null);
    assert.ok(fetched.startTime instanceof Date);
    await client.calls(call.sid).update({ status: 'completed' });
  });

  it('calls(sid).update({ twiml }) replaces the running TwiML; { status: completed } hangs up', async () => {
    const call = await client.calls.create({ to: '+15550100003', from: '+15550100002', twiml: PAUSE_TWIML });
    await waitUntil(() => standIn.call(call.sid)?.status === 'in-progress');
    const updated = await client.calls(call.sid).update({ twiml: '<Response><Pause length="30"/><Hangup/></Response>' });
    assert.equal(updated.sid, call.sid);
    assert.equal(updated.status, 'in-progress');
    await waitUntil(() => (standIn.call(call.sid)?.verbs.length ?? 0) >= 2);
    assert.deepEqual(standIn.call(call.sid)?.verbs, ['Pause', 'Pause']);

    const ended = await client.calls(call.sid).update({ status: 'completed' });
    assert.equal(ended.status, 'completed');
    const record = standIn.call(call.sid);
    assert.equal(record?.end?.reason, 'app-hung-up');
    assert.deepEqual(record?.statusHistory.map((entry) => entry.status), ['queued', 'ringing', 'in-progress', 'completed']);
    assert.equal((await client.calls(call.sid).fetch()).status, 'completed');

    const redirectEnded = await restError(client.calls(call.sid).update({ twiml: PAUSE_TWIML }));
    assert.deepEqual({ status: redirectEnded.status, code: redirectEnded.code }, { status: 400, code: 21220 });
  });

  it('wrong credentials are refused with 401 and code 20003', async () => {
    const intruder = twilioClientFor({ url: standIn.url, accountSid: ACCOUNT_SID, authToken: 'wrong-token' });
    const error = await restError(intruder.calls.create({ to: '+15550100001', from: '+15550100002', twiml: PAUSE_TWIML }));
    assert.equal(error.status, 401);
    assert.equal(error.code, 20003);
    assert.equal(standIn.calls().filter((call) => call.to === '+15550100001').length, 1, 'no call was created');
  });

  it('an unknown call SID is 404 with code 20404', async () => {
    const error = await restError(client.calls('CA' + 'f'.repeat(32)).fetch());
    assert.equal(error.status, 404);
    assert.equal(error.code, 20404);
  });

  it('bad form values are 400 with Twilio error codes, and the stand-in keeps serving', async () => {
    const post = (form: Record<string, string>): Promise<Response> =>
      fetch(`${standIn.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`, {
        method: 'POST',
        headers: { authorization: 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    const cases: Array<[Record<string, string>, number]> = [
      [{ From: '+15550100002', Twiml: PAUSE_TWIML }, 21201],
      [{ To: '+15550100001', Twiml: PAUSE_TWIML }, 21213],
      [{ To: 'not-a-number', From: '+15550100002', Twiml: PAUSE_TWIML }, 21211],
      [{ To: '+15550100001', From: '+15550100002' }, 21205],
      [{ To: '+15550100001', From: '+15550100002', Url: 'ftp://x' }, 21205],
      [{ To: '+15550100001', From: '+15550100002', Twiml: PAUSE_TWIML, MachineDetection: 'Maybe' }, 21200],
      [{ To: '+15550100001', From: '+15550100002', Twiml: PAUSE_TWIML, StatusCallback: 'http://x/s', StatusCallbackEvent: 'exploded' }, 21200],
    ];
    for (const [form, code] of cases) {
      const response = await post(form);
      assert.equal(response.status, 400, JSON.stringify(form));
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.code, code, JSON.stringify(form));
      assert.equal(body.status, 400);
      assert.equal(body.more_info, `https://www.twilio.com/docs/errors/${code}`);
      assert.equal(typeof body.message, 'string');
    }
    const sdkError = await restError(client.calls.create({ to: '+15550100001', from: '+15550100002', url: 'not a url' }));
    assert.deepEqual({ status: sdkError.status, code: sdkError.code }, { status: 400, code: 21205 });
  });

  it('an injected 503 makes calls.create reject with status 503', async () => {
    standIn.faults.set({ fault: { kind: 'http-error', status: 503 } });
    try {
      const error = await restError(client.calls.create({ to: '+15550100009', from: '+15550100002', twiml: PAUSE_TWIML }));
      assert.equal(error.status, 503);
      assert.equal(error.code, 20503);
    } finally {
      standIn.faults.reset();
    }
  });

  it('an injected 429 carries Retry-After', async () => {
    standIn.faults.set({ fault: { kind: 'http-error', status: 429, retryAfterSeconds: 7 }, remaining: 2 });
    const raw = await fetch(`${standIn.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`, { method: 'POST' });
    assert.equal(raw.status, 429);
    assert.equal(raw.headers.get('retry-after'), '7');
    assert.equal(((await raw.json()) as { code: number }).code, 20429);
    const error = await restError(client.calls('CA' + '0'.repeat(32)).fetch());
    assert.equal(error.status, 429);
  });

  it('a fault with remaining: 1 affects only the next request', async () => {
    standIn.faults.set({ fault: { kind: 'http-error', status: 500 }, remaining: 1 });
    const first = await restError(client.calls.create({ to: '+15550100010', from: '+15550100002', twiml: PAUSE_TWIML }));
    assert.equal(first.status, 500);
    const second = await client.calls.create({ to: '+15550100010', from: '+15550100002', twiml: PAUSE_TWIML });
    assert.equal(second.status, 'queued');
    await client.calls(second.sid).update({ status: 'completed' });
  });

  it('firstByteDelayMs delays the answer', async () => {
    standIn.faults.set({ firstByteDelayMs: 150 });
    try {
      const started = performance.now();
      await restError(client.calls('CA' + '1'.repeat(32)).fetch());
      assert.ok(performance.now() - started >= 145);
    } finally {
      standIn.faults.reset();
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
