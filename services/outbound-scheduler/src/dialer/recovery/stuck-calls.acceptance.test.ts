import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@va/testing';
import { DialerRig, DialerScenario, SCENARIO_START } from '../dialer-scenario.test-support';

const ANSWERS = '+12125550301';
const NO_ANSWER = '+12125550302';
const STILL_RINGING = '+12125550303';
const STUCK_CALL_MS = 60_000;

/** Every status callback is lost: the dialer learns the calls' ends by asking the Twilio stand-in. */
describe('stuck calls (real Postgres, the Twilio stand-in, callbacks lost)', () => {
  let rig: DialerRig;
  let scenario: DialerScenario;

  before(async () => {
    rig = await DialerRig.start('dialer_stuck_calls', () => '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>', { serveCallbacks: false });
    rig.standIn.onOutboundCall(({ to }) => (to === NO_ANSWER ? { kind: 'no-answer' } : { kind: 'answer', by: 'human', ...(to === STILL_RINGING ? { afterMs: 45_000 } : {}) }));
    scenario = await DialerScenario.create(rig.database.db, '+15550330001');
    const campaignId = await scenario.campaign();
    for (const phone of [ANSWERS, NO_ANSWER, STILL_RINGING]) await scenario.attempt(campaignId, await scenario.client(phone), 1, SCENARIO_START);
  });

  after(async () => {
    await rig?.close();
  });

  const attemptOf = async (phone: string) =>
    scenario.rows<{ attempt_number: number; status: string; outcome: string | null; provider_status: string | null }>(
      `SELECT a.attempt_number, a.status, a.outcome, k.provider_status FROM call_attempts a JOIN clients cl ON cl.id = a.client_id
         LEFT JOIN calls k ON k.id = a.call_id WHERE cl.phone_e164 = $1 ORDER BY a.attempt_number`,
      [phone],
    );

  it('finishes ended calls from the provider status after DIALER_STUCK_CALL_MS, retries per policy, and leaves a live call alone', async () => {
    const dialer = rig.dialer('instance-a', { stuckCallMs: STUCK_CALL_MS });
    await dialer.tick();
    await waitFor(() => rig.callsTo(ANSWERS)[0]?.end !== undefined && rig.callsTo(NO_ANSWER)[0]?.end !== undefined, { timeoutMs: 20_000, description: 'two calls ended on the stand-in' });
    await dialer.tick();
    for (const phone of [ANSWERS, NO_ANSWER, STILL_RINGING]) {
      assert.deepEqual((await attemptOf(phone)).map((row) => row.status), ['dialling'], 'no callback arrived and the bound has not passed: still dialling');
    }

    rig.clock.advance(STUCK_CALL_MS + 1_000);
    await dialer.tick();

    assert.deepEqual((await attemptOf(ANSWERS)).map((row) => [row.status, row.outcome, row.provider_status]), [['completed', 'connected', 'completed']]);
    assert.deepEqual((await attemptOf(NO_ANSWER)).map((row) => [row.attempt_number, row.status, row.outcome]), [[1, 'completed', 'no_answer'], [2, 'pending', null]], 'the retry the policy allows');
    assert.deepEqual((await attemptOf(STILL_RINGING)).map((row) => [row.status, row.provider_status]), [['dialling', 'ringing']], 'a call still ringing is left to its callbacks');
    const completions = await scenario.rows<{ outcome: string; retry: string }>(`SELECT detail->>'outcome' AS outcome, detail->>'retryScheduled' AS retry FROM audit_log WHERE action = 'complete' ORDER BY 1`);
    assert.deepEqual(completions.map((row) => [row.outcome, row.retry]), [['connected', 'false'], ['no_answer', 'true']]);
    assert.equal(rig.standIn.calls().length, 3, 'nothing re-dialled');
  });
});
