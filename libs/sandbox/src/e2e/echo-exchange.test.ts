import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EspeakSynthesizer, runInboundCall } from '../caller';
import { startSandbox, type Sandbox } from '../sandbox';
import { startEchoResponder, type EchoResponder } from './echo.responder';

const ENDPOINTING_MS = 300;
const INJECTED_TTS_FIRST_BYTE_MS = 400;
const APP_NUMBER = '+15550100';

describe('simulated caller against an echo responder, through every stand-in', () => {
  let sandbox: Sandbox;
  let responder: EchoResponder;

  before(async () => {
    sandbox = await startSandbox({ latency: 'none' });
    sandbox.elevenlabs.faults.set({ firstByteDelayMs: INJECTED_TTS_FIRST_BYTE_MS });
    responder = await startEchoResponder(sandbox);
    sandbox.twilio.addIncomingNumber(APP_NUMBER, { voiceUrl: `${responder.url}/voice` });
  });

  after(async () => {
    await responder.close();
    await sandbox.close();
  });

  it('completes a scripted exchange and measures voice-to-voice close to the injected latency', async (t) => {
    const report = await runInboundCall(
      sandbox.twilio,
      { from: '+15550199', to: APP_NUMBER },
      [
        { say: 'I would like to book an appointment' },
        { waitForAgent: { heard: /You said/, timeoutMs: 10_000 } },
        { say: 'Thank you very much', afterAgentSilenceMs: 500 },
        { waitForAgent: { heard: /thank you very much/i, timeoutMs: 10_000 } },
        { pause: 1_500 },
        { hangUp: true },
      ],
      { voice: new EspeakSynthesizer(), callerSpeech: sandbox.callerSpeech, agentSpeech: sandbox.agentSpeech },
    );

    assert.equal(report.failure, undefined, report.failure);
    assert.equal(report.hungUpBy, 'caller');
    assert.deepEqual(
      responder.replies.map((reply) => reply.toLowerCase()),
      ['you said: i would like to book an appointment', 'you said: thank you very much'],
      'the responder heard each utterance through Deepgram',
    );
    assert.equal(report.turns.length, 2);
    const expectedMs = ENDPOINTING_MS + INJECTED_TTS_FIRST_BYTE_MS;
    for (const [index, turn] of report.turns.entries()) {
      t.diagnostic(`turn ${index + 1}: voice-to-voice ${turn.voiceToVoiceMs} ms (endpointing ${ENDPOINTING_MS} + injected ${INJECTED_TTS_FIRST_BYTE_MS}); gaps ${turn.gaps.count}`);
      assert.ok(turn.voiceToVoiceMs !== null, `turn ${index + 1} got a reply`);
      assert.ok(turn.voiceToVoiceMs >= expectedMs - 60, `turn ${index + 1}: ${turn.voiceToVoiceMs} ms is not below ${expectedMs} ms`);
      assert.ok(turn.voiceToVoiceMs <= expectedMs + 350, `turn ${index + 1}: ${turn.voiceToVoiceMs} ms is close to ${expectedMs} ms`);
      assert.equal(turn.gaps.count, 0, 'the reply played without dead air');
    }
    assert.deepEqual(report.turns.map((turn) => turn.agentHeard), responder.replies.map((reply) => [reply]), 'the caller heard each reply');
  });
});
