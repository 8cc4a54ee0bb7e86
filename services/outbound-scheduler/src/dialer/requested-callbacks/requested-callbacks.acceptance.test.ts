import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@va/testing';
import { DialerRig, DialerScenario, SCENARIO_START } from '../dialer-scenario.test-support';
import type { DialerLoop } from '../loop/dialer.loop';

const CALLEE = '+12125550501';
const CALL_BACK_AT = new Date(SCENARIO_START.getTime() + 30 * 60_000);

/**
 * The dialog's request_callback during a campaign call writes an open callback_requests row (the
 * tool-executor's shape); two dialer replicas turn it into exactly one next attempt of the
 * campaign at not_before, which is dialled once that time comes.
 */
describe('requested callbacks become the campaign\'s next attempt', () => {
  let rig: DialerRig;
  let scenario: DialerScenario;
  let campaignId: string;
  const dialers: DialerLoop[] = [];

  before(async () => {
    rig = await DialerRig.start('dialer_callbacks', async (callId) => {
      await rig.database.db.asOwner(async (session) => {
        await session.query(
          `INSERT INTO callback_requests (tenant_id, client_id, phone_e164, not_before, reason, status, call_id)
           SELECT tenant_id, NULL, to_e164, $2, 'busy right now', 'open', id FROM calls WHERE id = $1 AND attempt_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM callback_requests WHERE call_id IS NOT NULL)`,
          [callId, CALL_BACK_AT.toISOString()],
        );
      });
      return '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';
    });
    rig.standIn.onOutboundCall(() => ({ kind: 'answer', by: 'human' }));
    scenario = await DialerScenario.create(rig.database.db, '+15550550001');
    campaignId = await scenario.campaign();
    await scenario.attempt(campaignId, await scenario.client(CALLEE), 1, SCENARIO_START);
  });

  after(async () => {
    await Promise.all(dialers.map((dialer) => dialer.stop()));
    await rig?.close();
  });

  const attempts = () =>
    scenario.rows<{ attempt_number: number; status: string; outcome: string | null; not_before: Date }>('SELECT attempt_number, status, outcome, not_before FROM call_attempts ORDER BY attempt_number');

  it('schedules one attempt at not_before across two replicas, keeps the campaign running, and dials it when due', async () => {
    dialers.push(rig.dialer('instance-a'), rig.dialer('instance-b'));
    for (const dialer of dialers) dialer.start();
    await waitFor(async () => (await attempts()).length === 2 && (await attempts())[0]?.status === 'completed', { timeoutMs: 20_000, description: 'the callback scheduled and the first call ended' });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const [first, second] = await attempts();
    assert.deepEqual([first?.status, first?.outcome], ['completed', 'connected']);
    assert.deepEqual([second?.attempt_number, second?.status, second?.not_before.toISOString()], [2, 'pending', CALL_BACK_AT.toISOString()]);
    assert.deepEqual(await scenario.rows('SELECT status FROM callback_requests'), [{ status: 'scheduled' }]);
    const audit = await scenario.rows<{ detail: Record<string, unknown> }>(`SELECT detail FROM audit_log WHERE action = 'callback'`);
    assert.equal(audit.length, 1, 'one schedule, though two replicas poll');
    assert.deepEqual({ ...audit[0]?.detail, callbackRequestId: undefined }, { reason: 'callback_requested', campaignId, attemptNumber: 2, callbackRequestId: undefined });
    assert.deepEqual(await scenario.rows('SELECT status FROM campaigns'), [{ status: 'running' }], 'a campaign with a callback to make is not completed');
    assert.equal(rig.callsTo(CALLEE).length, 1, 'not called back before not_before');

    rig.clock.advanceTo(new Date(CALL_BACK_AT.getTime() + 1_000));
    await waitFor(async () => (await attempts())[1]?.status === 'completed' && (await scenario.rows<{ status: string }>('SELECT status FROM campaigns'))[0]?.status === 'completed', {
      timeoutMs: 20_000,
      description: 'the callback dialled and the campaign completed',
    });
    assert.equal(rig.callsTo(CALLEE).length, 2);
    assert.equal((await attempts()).length, 2, 'the callback itself asked for nothing more');
  });
});
