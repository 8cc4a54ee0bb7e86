import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runInboundCall, SignalSynthesizer } from '@va/sandbox';
import { httpGet } from '@va/service-kit/testing';
import { requireKafka, requirePostgres, requireRedis, waitFor } from '@va/testing';
import { ScriptedResponder } from './scripted.responder.test-support';
import { VoiceStack } from './voice-stack.test-support';

/** Live recognition sessions of one stt replica, from its /metrics. */
async function sessionsActive(baseUrl: string): Promise<number> {
  const answer = await httpGet(`${baseUrl}/metrics`);
  const match = /^stt_sessions_active\{[^}]*\} (\d+)/m.exec(answer.text);
  return Number(match?.[1] ?? 0);
}

describe('stt takeover: the replica holding a call stops mid-call and another carries the call on', () => {
  const stack = new VoiceStack({ label: 'stttakeover', stt: 2 });
  let responder: ScriptedResponder;

  before(async () => {
    await requireKafka();
    await requirePostgres();
    await requireRedis();
    await stack.start();
    responder = new ScriptedResponder(stack.bus, { reply: (text) => [`You said: ${text}.`], group: `${stack.topicPrefix}responder` });
    await responder.start();
  });

  after(async () => {
    await responder?.stop();
    await stack.stop();
  });

  it('the call goes on after its recognizer replica is gone: the new partition owner opens a stream', async () => {
    const call = runInboundCall(
      stack.sandbox.twilio,
      { from: '+15550770001', to: stack.gateways[0]?.phoneNumber ?? '' },
      [
        { say: 'Here is my first question' },
        { waitForAgent: { heard: /first question/, timeoutMs: 15_000 } },
        // Meanwhile the replica holding the call is stopped and its partitions move.
        { pause: 10_000 },
        { say: 'And here is my second question', afterAgentSilenceMs: 300 },
        { waitForAgent: { heard: /second question/, timeoutMs: 30_000 } },
        { hangUp: true },
      ],
      { voice: new SignalSynthesizer(), callerSpeech: stack.sandbox.callerSpeech, agentSpeech: stack.sandbox.agentSpeech },
    );

    await waitFor(() => [...responder.calls.values()].some((log) => log.played.length > 0), { timeoutMs: 20_000, description: 'the first answer heard' });
    const counts = await Promise.all(stack.stt.map((replica) => sessionsActive(replica.baseUrl)));
    const ownerIndex = counts.findIndex((count) => count > 0);
    const owner = stack.stt[ownerIndex];
    assert.ok(owner, `one stt replica holds the call: ${JSON.stringify(counts)}`);
    assert.equal(counts.filter((count) => count > 0).length, 1, 'exactly one replica holds it');
    owner.process.signal('SIGTERM');
    assert.deepEqual(await owner.process.exited(15_000), { code: 0, signal: null });

    const report = await call;
    assert.equal(report.failure, undefined, report.failure);
    assert.deepEqual(report.turns.map((turn) => turn.agentHeard), [['You said: Here is my first question.'], ['You said: And here is my second question.']]);
  });
});
