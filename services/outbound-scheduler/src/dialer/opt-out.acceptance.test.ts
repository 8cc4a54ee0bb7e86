import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@va/testing';
import { DialerRig, DialerScenario, SCENARIO_START } from './dialer-scenario.test-support';
import type { DialerLoop } from './loop/dialer.loop';

const SHARED = '+12125550401';
const OTHER = '+12125550402';
const LATER = new Date(SCENARIO_START.getTime() + 5 * 60_000);

/**
 * "Stop calling me" during a call of one campaign: the agent's add_to_dnc writes the tenant's
 * DNC row (same shape as the tool-executor's, with the call id) while the call is live, and
 * every later attempt to the number, in that campaign and in another, is skipped as dnc.
 */
describe('an opt-out during a call stops every later attempt across the tenant\'s campaigns', () => {
  let rig: DialerRig;
  let scenario: DialerScenario;
  let dialer: DialerLoop | undefined;
  const ids: Record<string, string> = {};

  before(async () => {
    rig = await DialerRig.start('dialer_opt_out', async (callId) => {
      await rig.database.db.asOwner(async (session) => {
        await session.query(
          `INSERT INTO dnc_entries (tenant_id, phone_e164, source, call_id)
           SELECT tenant_id, to_e164, 'call', id FROM calls WHERE id = $1 AND to_e164 = $2 ON CONFLICT (tenant_id, phone_e164) DO NOTHING`,
          [callId, SHARED],
        );
      });
      return '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';
    });
    rig.standIn.onOutboundCall(() => ({ kind: 'answer', by: 'human' }));
    scenario = await DialerScenario.create(rig.database.db, '+15550440001');
    const first = await scenario.campaign();
    const second = await scenario.campaign();
    const shared = await scenario.client(SHARED);
    ids['firstCall'] = await scenario.attempt(first, shared, 1, SCENARIO_START);
    // A later attempt of the first campaign already scheduled (a retry or a requested callback).
    ids['firstRetry'] = await scenario.attempt(first, shared, 2, LATER);
    ids['second'] = await scenario.attempt(second, shared, 1, LATER);
    ids['other'] = await scenario.attempt(second, await scenario.client(OTHER), 1, LATER);
  });

  after(async () => {
    await dialer?.stop();
    await rig?.close();
  });

  it('skips the second campaign\'s attempt and the first campaign\'s retry with reason dnc', async () => {
    dialer = rig.dialer('instance-a');
    dialer.start();
    const status = async (id: string | undefined) => (await scenario.rows<{ status: string; outcome: string | null; call_id: string | null }>('SELECT status, outcome, call_id FROM call_attempts WHERE id = $1', [id]))[0];
    await waitFor(async () => (await status(ids['firstCall']))?.status === 'completed', { timeoutMs: 20_000, description: 'the first campaign\'s call ended' });
    const dnc = await scenario.rows<{ source: string; call_id: string }>('SELECT source, call_id FROM dnc_entries WHERE phone_e164 = $1', [SHARED]);
    assert.deepEqual(dnc, [{ source: 'call', call_id: (await status(ids['firstCall']))?.call_id }], 'the opt-out names the call it was made in');

    rig.clock.advance(6 * 60_000);
    await waitFor(async () => (await status(ids['other']))?.status === 'completed' && (await status(ids['second']))?.status === 'skipped' && (await status(ids['firstRetry']))?.status === 'skipped', {
      timeoutMs: 20_000,
      description: 'the later attempts decided',
    });
    assert.equal((await status(ids['second']))?.outcome, 'dnc');
    assert.equal((await status(ids['firstRetry']))?.outcome, 'dnc');
    assert.equal(rig.callsTo(SHARED).length, 1, 'the number was called once, before the opt-out');
    assert.equal(rig.callsTo(OTHER).length, 1, 'the second campaign kept dialling its other targets');
    const skips = await scenario.rows<{ subject: string; reason: string }>(`SELECT subject, detail->>'reason' AS reason FROM audit_log WHERE action = 'skip' ORDER BY subject`);
    assert.deepEqual(skips, [ids['firstRetry'], ids['second']].sort().map((subject) => ({ subject, reason: 'dnc' })));
  });
});
