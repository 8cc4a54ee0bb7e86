import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInboundCall, SignalSynthesizer, type PersonaScript } from '@va/sandbox';
import { seedClinicKnowledgeBase } from './clinic-caller.test-support';
import { useVoiceStack } from './voice-stack.hooks.test-support';
import { VoiceStack } from './voice-stack.test-support';

const OFFICE_LINE = '+15550400001';

/** Turn-taking and hand-over through the whole platform with no LLM (the deterministic engine). */
describe('clinic calls end to end: backchannels, interruptions and a transfer to a person', () => {
  const stack = new VoiceStack({
    label: 'turntaking',
    dialog: true,
    seed: async (session, tenantId) => {
      await session.query(`UPDATE tenants SET settings = $2 WHERE id = $1`, [tenantId, JSON.stringify({ transferNumber: OFFICE_LINE })]);
      await seedClinicKnowledgeBase(session, tenantId);
    },
  });
  useVoiceStack(stack);

  const call = (script: PersonaScript, from: string) =>
    runInboundCall(stack.sandbox.twilio, { from, to: stack.gateways[0]?.phoneNumber ?? '' }, script, {
      voice: new SignalSynthesizer(),
      callerSpeech: stack.sandbox.callerSpeech,
      agentSpeech: stack.sandbox.agentSpeech,
    });

  it('a backchannel during the greeting does not cut it; a real interruption of the next line does', async () => {
    const report = await call(
      [
        { waitForAgent: { timeoutMs: 20_000 } },
        { interrupt: 'uh-huh', afterAgentAudioMs: 1_500 },
        { waitForAgent: { heard: /first and last name/, timeoutMs: 20_000 } },
        { say: 'my name is Jane Doe', afterAgentSilenceMs: 300 },
        { interrupt: 'wait, I have a question first', afterAgentAudioMs: 600 },
        { pause: 2_000 },
        { hangUp: true },
      ],
      '+15550772001',
    );
    assert.equal(report.failure, undefined, `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
    const [backchannel, interruption] = report.turns.filter((turn) => turn.kind === 'interrupt');
    assert.ok(backchannel?.interrupted && interruption?.interrupted, 'both were said over agent audio');
    assert.ok((backchannel.agentKeptPlayingMs ?? 0) > 1_000, `the greeting played on after "uh-huh" (${backchannel.agentKeptPlayingMs} ms)`);
    const greeting = report.agentTurns[0];
    assert.ok(greeting?.pieces.every((piece) => piece.share >= 0.99), `the greeting was heard whole: ${JSON.stringify(greeting?.pieces)}`);
    // Cancelling on words (so that backchannels do not) waits for the recognizer's first words.
    assert.ok((interruption.agentKeptPlayingMs ?? Number.POSITIVE_INFINITY) < 2_000, `the interrupted line stopped (${interruption.agentKeptPlayingMs} ms)`);
    const interruptedLine = report.agentTurns.find((turn) => turn.interruptedByCaller && turn !== greeting);
    assert.ok(interruptedLine?.pieces.some((piece) => piece.share < 0.99), `the interrupted line was cut short: ${JSON.stringify(interruptedLine?.pieces)}`);
  });

  it('"I need to talk to a person" transfers the call to the office line', async () => {
    const report = await call(
      [
        { waitForAgent: { heard: /first and last name/, timeoutMs: 20_000 } },
        { say: 'I need to talk to a real person', afterAgentSilenceMs: 300 },
        { expectHangUpWithinMs: 20_000 },
      ],
      '+15550772002',
    );
    assert.equal(report.failure, undefined, `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
    assert.equal(report.endReason, 'transferred');
  });
});
