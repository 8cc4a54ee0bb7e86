import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runInboundCall, SignalSynthesizer } from '@va/sandbox';
import { requireKafka, requirePostgres, requireRedis } from '@va/testing';
import { VoiceStack } from './voice-stack.test-support';

const HOURS = 'We are open Monday to Friday, 8 a.m. to 6 p.m.';

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
      await session.query(`INSERT INTO kb_entries (tenant_id, category, question, answer) VALUES ($1, 'hours', 'What are your office hours? When are you open?', $2)`, [tenantId, HOURS]);
      await session.query(`INSERT INTO kb_entries (tenant_id, category, question, answer) VALUES ($1, 'locations', 'Where is your office?', 'Our office is at 100 Main Street.')`, [tenantId]);
    },
  });

  before(async () => {
    await requireKafka();
    await requirePostgres();
    await requireRedis();
    await stack.start();
  });

  after(async () => {
    await stack.stop();
  });

  it('the caller is greeted with the disclosures, gives a name and a read-back date of birth, hears the answer from the knowledge base and the goodbye', async () => {
    const report = await runInboundCall(
      stack.sandbox.twilio,
      { from: '+15550771234', to: stack.gateways[0]?.phoneNumber ?? '' },
      [
        { waitForAgent: { heard: /first and last name/, timeoutMs: 20_000 } },
        { say: 'my name is Jane Doe', afterAgentSilenceMs: 300 },
        { waitForAgent: { heard: /date of birth/, timeoutMs: 20_000 } },
        { say: 'march third fifty two', afterAgentSilenceMs: 300 },
        { waitForAgent: { heard: /March 3rd, 1952/, timeoutMs: 20_000 } },
        { say: 'yes', afterAgentSilenceMs: 300 },
        { waitForAgent: { heard: /How can I help/, timeoutMs: 20_000 } },
        { say: 'what are your office hours', afterAgentSilenceMs: 300 },
        { waitForAgent: { heard: /Monday to Friday/, timeoutMs: 20_000 } },
        { expectHangUpWithinMs: 20_000 },
      ],
      { voice: new SignalSynthesizer(), callerSpeech: stack.sandbox.callerSpeech, agentSpeech: stack.sandbox.agentSpeech },
    );
    assert.equal(report.failure, undefined, `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
    const heard = report.agentTurns.flatMap((turn) => turn.heard).join(' ');
    assert.match(heard, /Riverside Family Clinic/);
    assert.match(heard, /Riley/);
    assert.match(heard, /automated/i, 'the automated-assistant disclosure');
    assert.match(heard, /recorded/i, 'the recording disclosure');
    assert.ok(heard.includes(HOURS), 'the answer came from the tenant knowledge base');
    assert.equal(report.hungUpBy, 'agent');
  });
});
