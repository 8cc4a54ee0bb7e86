import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorDetails, okResult, type ToolsHarness } from './tools.harness';

/** Tools that append a record for the office: consents, messages and callback requests. */
export function recordToolCases(h: ToolsHarness): void {
  describe('record_consent', () => {
    it('appends a consent row with the call, and an audit row', async () => {
      const before = await h.count(h.a, 'SELECT 1 FROM consents WHERE client_id = $1', [h.a.clientId]);
      const result = okResult(await h.call(h.a, 'record_consent', { clientId: h.a.clientId, scope: 'cross-sell', granted: false }));
      assert.equal(result['granted'], false);
      assert.equal(result['recordedAt'], h.now.toISOString());
      const [row] = await h.rows<{ scope: string; granted: boolean; call_id: string }>(h.a, 'SELECT scope, granted, call_id FROM consents WHERE id = $1', [result['consentId']]);
      assert.deepEqual(row, { scope: 'cross-sell', granted: false, call_id: `call-${h.a.tenantId.slice(0, 8)}` });
      okResult(await h.call(h.a, 'record_consent', { clientId: h.a.clientId, scope: 'cross-sell', granted: true }));
      assert.equal(await h.count(h.a, 'SELECT 1 FROM consents WHERE client_id = $1', [h.a.clientId]), before + 2, 'the ledger is appended, never overwritten');
      assert.equal(await h.count(h.a, `SELECT 1 FROM audit_log WHERE action = 'consent.refused' AND subject = $1`, [`client:${h.a.clientId}`]), 1);
    });

    it('refuses bad arguments, naming them', async () => {
      await h.expectRefused('record_consent', { clientId: h.a.clientId, scope: 'cross-sell' }, ['granted']);
      await h.expectRefused('record_consent', { clientId: h.a.clientId, scope: 'cross-sell', granted: 'yes' }, ['granted']);
      await h.expectRefused('record_consent', { clientId: h.a.clientId, scope: 'Cross Sell!', granted: true }, ['scope']);
      await h.expectRefused('record_consent', { clientId: h.a.clientId, scope: 'cross-sell', granted: true, note: 'x' }, ['note']);
    });

    it("does not record consent for another tenant's client", async () => {
      await h.expectIsolated('record_consent', { clientId: h.b.clientId, scope: 'cross-sell', granted: true });
    });

    it('records once for one idempotency key', async () => {
      await h.expectIdempotent('record_consent', { clientId: h.a.clientId, scope: 'recording', granted: true }, `SELECT 1 FROM consents WHERE scope = 'recording'`);
    });
  });

  describe('take_message', () => {
    const message = { callerName: 'Jordan Lee', callbackPhone: '+15557771234', body: 'Please call me about my claim.', urgency: 'urgent' };

    it('stores the message for the office, with an audit row', async () => {
      const result = okResult(await h.call(h.a, 'take_message', { ...message, clientId: h.a.clientId }));
      assert.equal(result['received'], true);
      assert.equal(result['urgency'], 'urgent');
      const [row] = await h.rows<Record<string, unknown>>(h.a, 'SELECT caller_name, callback_phone_e164, body, urgency, client_id FROM messages WHERE id = $1', [result['messageId']]);
      assert.deepEqual(row, { caller_name: 'Jordan Lee', callback_phone_e164: '+15557771234', body: 'Please call me about my claim.', urgency: 'urgent', client_id: h.a.clientId });
      assert.equal(await h.count(h.a, `SELECT 1 FROM audit_log WHERE action = 'message.taken' AND subject = $1`, [`message:${String(result['messageId'])}`]), 1);
    });

    it('refuses bad arguments, naming them', async () => {
      await h.expectRefused('take_message', { ...message, callerName: undefined }, ['callerName']);
      await h.expectRefused('take_message', { ...message, callbackPhone: '555-1234' }, ['callbackPhone']);
      await h.expectRefused('take_message', { ...message, body: 'x'.repeat(1001) }, ['body']);
      await h.expectRefused('take_message', { ...message, urgency: 'whenever' }, ['urgency']);
      await h.expectRefused('take_message', { ...message, priority: 1 }, ['priority']);
    });

    it("does not attach a message to another tenant's client", async () => {
      await h.expectIsolated('take_message', { ...message, clientId: h.b.clientId });
    });

    it('stores once for one idempotency key', async () => {
      await h.expectIdempotent('take_message', { ...message, body: 'idempotent message' }, `SELECT 1 FROM messages WHERE body = 'idempotent message'`);
    });
  });

  describe('request_callback', () => {
    const notBefore = () => new Date(h.now.getTime() + 3 * 3_600_000).toISOString();

    it('opens a callback request for a future time, with an audit row', async () => {
      const result = okResult(await h.call(h.a, 'request_callback', { phone: h.a.clientPhone, notBefore: notBefore(), reason: 'wants to talk to the broker', clientId: h.a.clientId }));
      assert.equal(result['status'], 'open');
      assert.equal(result['notBefore'], notBefore());
      const [row] = await h.rows<{ phone_e164: string; not_before: Date; status: string; client_id: string }>(
        h.a,
        'SELECT phone_e164, not_before, status, client_id FROM callback_requests WHERE id = $1',
        [result['callbackId']],
      );
      assert.deepEqual({ ...row, not_before: new Date(row?.not_before ?? 0).toISOString() }, { phone_e164: h.a.clientPhone, not_before: notBefore(), status: 'open', client_id: h.a.clientId });
      assert.equal(await h.count(h.a, `SELECT 1 FROM audit_log WHERE action = 'callback.requested' AND subject = $1`, [`callback:${String(result['callbackId'])}`]), 1);
    });

    it('refuses bad arguments and a time not in the future, naming them', async () => {
      await h.expectRefused('request_callback', { phone: h.a.clientPhone, reason: 'later' }, ['notBefore']);
      await h.expectRefused('request_callback', { phone: 5551234, notBefore: notBefore(), reason: 'later' }, ['phone']);
      await h.expectRefused('request_callback', { phone: h.a.clientPhone, notBefore: notBefore(), reason: 'later', when: 'soon' }, ['when']);
      const count = () => h.count(h.a, 'SELECT 1 FROM callback_requests');
      const before = await count();
      const past = await h.call(h.a, 'request_callback', { phone: h.a.clientPhone, notBefore: new Date(h.now.getTime() - 60_000).toISOString(), reason: 'later' });
      const fields = errorDetails(past, 'validation_failed')['fields'];
      assert.match(JSON.stringify(fields), /notBefore/);
      assert.equal(await count(), before);
    });

    it("does not attach a callback to another tenant's client", async () => {
      await h.expectIsolated('request_callback', { phone: h.b.clientPhone, notBefore: notBefore(), reason: 'later', clientId: h.b.clientId });
    });

    it('opens once for one idempotency key', async () => {
      await h.expectIdempotent('request_callback', { phone: '+15557770000', notBefore: notBefore(), reason: 'idempotent' }, `SELECT 1 FROM callback_requests WHERE reason = 'idempotent'`);
    });
  });
}
