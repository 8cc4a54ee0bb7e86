import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorDetails, okResult, type ToolsHarness } from './tools.harness';

/** Tools that steer the call: the knowledge base, transfer to a person, hang-up. */
export function callToolCases(h: ToolsHarness): void {
  describe('lookup_faq', () => {
    it('answers "when are you open" with the office-hours entry ranked first', async () => {
      const result = okResult(await h.call(h.a, 'lookup_faq', { question: 'when are you open' }));
      const answers = result['answers'] as { category: string; answer: string }[];
      assert.deepEqual(answers.map((entry) => entry.category), ['hours', 'locations'], 'ranked: the entry about opening hours first');
      assert.equal(answers[0]?.category, 'hours');
      assert.equal(answers[0]?.answer, 'We are open Monday to Friday, 8 a.m. to 6 p.m.');
      const insurance = okResult(await h.call(h.a, 'lookup_faq', { question: 'Do you accept Cigna insurance?' }));
      assert.equal((insurance['answers'] as { category: string }[])[0]?.category, 'insurers');
    });

    it('answers at most three entries', async () => {
      await h.db.asOwner(async (session) => {
        for (const day of ['New Year', 'Labor Day', 'Thanksgiving', 'Christmas']) {
          await session.query(`INSERT INTO kb_entries (tenant_id, category, question, answer) VALUES ($1, 'hours', $2, 'Closed for the holiday.')`, [h.a.tenantId, `Are you closed on ${day}?`]);
        }
      });
      const result = okResult(await h.call(h.a, 'lookup_faq', { question: 'are you closed for the holiday' }));
      assert.equal((result['answers'] as unknown[]).length, 3);
    });

    it('answers no match with an empty list and a suggestion', async () => {
      assert.deepEqual(okResult(await h.call(h.a, 'lookup_faq', { question: 'Can you fix my car transmission?' })), { answers: [], suggestion: 'offer to take a message' });
      assert.deepEqual(okResult(await h.call(h.a, 'lookup_faq', { question: 'what is it' })), { answers: [], suggestion: 'offer to take a message' });
    });

    it('refuses bad arguments, naming them', async () => {
      await h.expectRefused('lookup_faq', {}, ['question']);
      await h.expectRefused('lookup_faq', { question: 'x'.repeat(301) }, ['question']);
      await h.expectRefused('lookup_faq', { question: 'hours', category: 'hours' }, ['category']);
    });

    it("searches only the tenant's own knowledge base", async () => {
      const result = okResult(await h.call(h.a, 'lookup_faq', { question: 'validate parking' }));
      const text = JSON.stringify(result['answers']);
      assert.match(text, /tenant 1/);
      assert.doesNotMatch(text, /tenant 2/);
    });
  });

  describe('transfer_to_human', () => {
    it("transfers to the client's broker, else to the office number, with an audit row", async () => {
      assert.deepEqual(okResult(await h.call(h.a, 'transfer_to_human', { reason: 'caller asked for a person', clientId: h.a.clientId })), {
        action: 'transfer',
        target: h.a.brokerPhone,
        targetKind: 'broker',
      });
      const office = { action: 'transfer', target: h.a.transferNumber, targetKind: 'office' };
      assert.deepEqual(okResult(await h.call(h.a, 'transfer_to_human', { reason: 'asked', clientId: h.a.unassignedClientId })), office);
      assert.deepEqual(okResult(await h.call(h.a, 'transfer_to_human', { reason: 'asked', clientId: h.a.clientId, target: 'office' })), office);
      assert.deepEqual(okResult(await h.call(h.a, 'transfer_to_human', { reason: 'asked' })), office);
      assert.equal(await h.count(h.a, `SELECT 1 FROM audit_log WHERE action = 'call.transfer_requested'`), 4);
    });

    it('answers not_found when nobody is reachable, writing nothing but the invocation', async () => {
      const audits = () => h.count(h.b, `SELECT 1 FROM audit_log WHERE action = 'call.transfer_requested'`);
      const before = await audits();
      errorDetails(await h.call(h.b, 'transfer_to_human', { reason: 'asked', clientId: h.b.unassignedClientId }), 'not_found');
      assert.equal(await audits(), before);
    });

    it('refuses bad arguments, naming them', async () => {
      await h.expectRefused('transfer_to_human', {}, ['reason']);
      await h.expectRefused('transfer_to_human', { reason: 'asked', target: '+15550000000' }, ['target']);
      await h.expectRefused('transfer_to_human', { reason: 'asked', phoneNumber: '+15550000000' }, ['phoneNumber']);
    });

    it("does not transfer to another tenant's broker", async () => {
      await h.expectIsolated('transfer_to_human', { reason: 'asked', clientId: h.b.clientId });
    });

    it('transfers once for one idempotency key', async () => {
      await h.expectIdempotent('transfer_to_human', { reason: 'idempotent transfer' }, `SELECT 1 FROM audit_log WHERE action = 'call.transfer_requested'`);
    });
  });

  describe('end_call', () => {
    it('answers hang_up and writes an audit row', async () => {
      assert.deepEqual(okResult(await h.call(h.a, 'end_call', { reason: 'conversation complete' })), { action: 'hang_up' });
      const [row] = await h.rows<{ subject: string; detail: { reason: string } }>(h.a, `SELECT subject, detail FROM audit_log WHERE action = 'call.ended_by_agent' ORDER BY id DESC LIMIT 1`);
      assert.equal(row?.subject, `call:call-${h.a.tenantId.slice(0, 8)}`);
      assert.equal(row?.detail.reason, 'conversation complete');
    });

    it('refuses bad arguments, naming them', async () => {
      await h.expectRefused('end_call', {}, ['reason']);
      await h.expectRefused('end_call', { reason: 42 }, ['reason']);
      await h.expectRefused('end_call', { reason: 'done', hangUpNow: true }, ['hangUpNow']);
    });

    it("writes only in the caller's tenant", async () => {
      const before = await h.fingerprint(h.b);
      okResult(await h.call(h.a, 'end_call', { reason: 'done' }));
      assert.equal(await h.fingerprint(h.b), before);
    });

    it('ends once for one idempotency key', async () => {
      await h.expectIdempotent('end_call', { reason: 'idempotent end' }, `SELECT 1 FROM audit_log WHERE action = 'call.ended_by_agent'`);
    });
  });
}
