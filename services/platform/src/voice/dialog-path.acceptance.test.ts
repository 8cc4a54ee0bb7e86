import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInboundCall, SignalSynthesizer } from '@va/sandbox';
import { CLINIC_HOURS, clinicHoursCaller, seedClinicKnowledgeBase } from './clinic-caller.test-support';
import { useVoiceStack } from './voice-stack.hooks.test-support';
import { VoiceStack } from './voice-stack.test-support';

/**
 * The whole platform on one inbound call, with no LLM: media-gateway, stt, dialog-manager (the
 * deterministic flow engine), tool-executor and tts as processes on the real Kafka, Postgres and
 * Redis, the sandbox as the vendors and the phone network.
 */
describe('a clinic call end to end: greeting, identification, an FAQ from the knowledge base, the close', () => {
  const stack = new VoiceStack({
    label: 'dialogpath',
    dialog: true,
    seed: async (session, tenantId) => {
      await session.query(`UPDATE tenants SET name = 'Riverside Family Clinic', settings = '{"flow":{"agentName":"Riley"}}' WHERE id = $1`, [tenantId]);
      await seedClinicKnowledgeBase(session, tenantId);
    },
  });
  useVoiceStack(stack);

  it('the caller is greeted with the disclosures, gives a name and a read-back date of birth, hears the answer from the knowledge base and the goodbye', async () => {
    const report = await runInboundCall(
      stack.sandbox.twilio,
      { from: '+15550771234', to: stack.gateways[0]?.phoneNumber ?? '' },
      clinicHoursCaller({ stepTimeoutMs: 20_000 }),
      { voice: new SignalSynthesizer(), callerSpeech: stack.sandbox.callerSpeech, agentSpeech: stack.sandbox.agentSpeech },
    );
    assert.equal(report.failure, undefined, `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
    const heard = report.agentTurns.flatMap((turn) => turn.heard).join(' ');
    assert.match(heard, /Riverside Family Clinic/);
    assert.match(heard, /Riley/);
    assert.match(heard, /automated/i, 'the automated-assistant disclosure');
    assert.match(heard, /recorded/i, 'the recording disclosure');
    assert.ok(heard.includes(CLINIC_HOURS), 'the answer came from the tenant knowledge base');
    assert.equal(report.hungUpBy, 'agent');
  });
});
