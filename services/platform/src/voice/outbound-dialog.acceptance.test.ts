import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallReport, PersonaScript } from '@va/sandbox';
import { callClient as placeCall, CLIENT_PHONE, clientUpToOffer, seedBrokerage, type Seeded } from './outbound-client.test-support';
import { useVoiceStack } from './voice-stack.hooks.test-support';
import { VoiceStack } from './voice-stack.test-support';

/**
 * The outbound cross-sell call through the whole platform with no LLM: the call placed through
 * the Twilio stand-in to a calls row (as the dialer will), answered by a simulated client.
 */
describe('outbound cross-sell calls end to end (all five voice and dialog services, no LLM)', () => {
  const seeded: Seeded = { clientId: '', firstSlot: '' };
  const stack = new VoiceStack({ label: 'outbound', dialog: true, tenantKind: 'brokerage', seed: (session, tenantId, cipher) => seedBrokerage(session, tenantId, cipher, seeded) });
  useVoiceStack(stack);

  const callClient = (script: PersonaScript): Promise<CallReport> => placeCall(stack, seeded, script);

  const rows = async (sql: string, params: unknown[] = []) => (await stack.database.inTenant(stack.tenantId, (session) => session.query<Record<string, unknown>>(sql, params))).rows;

  it('a consenting client is verified, hears the offer, books a real free slot, hears the read-back and the close', async () => {
    const report = await callClient([
      ...clientUpToOffer(20_000),
      { say: 'yes please', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /just for you/, timeoutMs: 20_000 } },
      { say: 'just me, as soon as possible', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /work for you/, timeoutMs: 20_000 } },
      { say: 'the first one', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /Just to confirm/, timeoutMs: 20_000 } },
      { say: 'yes', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /will call you/, timeoutMs: 20_000 } },
      { expectHangUpWithinMs: 20_000 },
    ]);
    assert.equal(report.failure, undefined, `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
    assert.equal(report.hungUpBy, 'agent');
    const booked = await rows(`SELECT starts_at FROM appointments WHERE client_id = $1 AND status = 'booked'`, [seeded.clientId]);
    assert.deepEqual(booked.map((row) => (row['starts_at'] as Date).toISOString()), [seeded.firstSlot], 'the first offered free slot is booked');
    const consents = await rows(`SELECT granted FROM consents WHERE client_id = $1`, [seeded.clientId]);
    assert.deepEqual(consents, [{ granted: true }]);
  });

  it('a refusal of consent ends the call politely and is recorded as a refusal', async () => {
    const report = await callClient([
      { waitForAgent: { heard: /May I speak with Margaret/, timeoutMs: 20_000 } },
      { say: 'yes, speaking', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /couple of minutes/, timeoutMs: 20_000 } },
      { say: 'no thank you', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /Thanks for your time/, timeoutMs: 20_000 } },
      { expectHangUpWithinMs: 15_000 },
    ]);
    assert.equal(report.failure, undefined, `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
    assert.equal(report.hungUpBy, 'agent');
    const consents = await rows(`SELECT granted FROM consents WHERE client_id = $1 ORDER BY recorded_at DESC LIMIT 1`, [seeded.clientId]);
    assert.deepEqual(consents, [{ granted: false }], 'the refusal is recorded');
  });

  it('a wrong person learns nothing about the client: no plan, no coverage, no product, no broker', async () => {
    const report = await callClient([
      { waitForAgent: { heard: /May I speak with Margaret/, timeoutMs: 20_000 } },
      { say: 'no, you have the wrong number', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /Sorry for the bother/, timeoutMs: 20_000 } },
      { expectHangUpWithinMs: 15_000 },
    ]);
    assert.equal(report.failure, undefined, `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
    assert.equal(report.hungUpBy, 'agent');
    const heard = report.agentTurns.flatMap((turn) => turn.heard).join(' ');
    for (const secret of ['Hale', 'Silver HMO', 'dental', 'Dental Plus', 'Sam Lee', '1952']) assert.ok(!heard.includes(secret), `the wrong person heard "${secret}"`);
  });

  it('"stop calling me" puts the number on the DNC list and ends the call within that turn', async () => {
    const report = await callClient([
      { waitForAgent: { heard: /May I speak with Margaret/, timeoutMs: 20_000 } },
      { say: 'yes, speaking', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /couple of minutes/, timeoutMs: 20_000 } },
      { say: 'stop calling me', afterAgentSilenceMs: 300 },
      { expectHangUpWithinMs: 15_000 },
    ]);
    assert.equal(report.failure, undefined, `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
    assert.equal(report.hungUpBy, 'agent');
    const lastTurn = report.agentTurns.at(-1)?.heard ?? [];
    assert.equal(lastTurn.length, 1, `one sentence after the opt-out: ${JSON.stringify(lastTurn)}`);
    const dnc = await rows('SELECT phone_e164 FROM dnc_entries WHERE phone_e164 = $1', [CLIENT_PHONE]);
    assert.equal(dnc.length, 1, 'the number is on the DNC list');
  });
});
