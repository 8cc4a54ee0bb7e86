import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runInboundCall, SignalSynthesizer, type CallReport, type PersonaScript } from '@va/sandbox';
import { requireKafka, requirePostgres, requireRedis } from '@va/testing';
import { ScriptedResponder } from './scripted.responder.test-support';
import { VoiceStack } from './voice-stack.test-support';

const LONG_ANSWER = [
  'Our clinic is open Monday to Friday from eight in the morning.',
  'On Saturdays we open at nine and close at one in the afternoon.',
  'We are closed on Sundays and on public holidays.',
  'Parking is free in the lot behind the building.',
  'Please bring your insurance card and a photo ID to every visit.',
];

/** Replies "You said: <text>"; a caller asking about hours gets the long answer (to be interrupted). */
function reply(text: string): readonly string[] {
  return /hours/i.test(text) ? LONG_ANSWER : [`You said: ${text}.`];
}

const voice = new SignalSynthesizer();

/** How many times the most repeated heard sentence was heard beyond the first. */
function repeatedSentences(report: CallReport): number {
  const heard = report.agentTurns.flatMap((turn) => turn.heard);
  const counts = new Map<string, number>();
  for (const text of heard) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts.values()].reduce((extra, count) => extra + (count - 1), 0);
}

describe('live voice path (media-gateway, stt, tts as processes; real Kafka, Postgres, Redis; sandbox vendors)', () => {
  const stack = new VoiceStack({ label: 'voicepath', gateways: 2, env: { STT_SILENCE_BUDGET_MS: '1500', TTS_FIRST_AUDIO_BUDGET_MS: '1200', PROVIDER_BREAKER_RESET_MS: '500' } });
  let responder: ScriptedResponder;

  const call = (script: PersonaScript, gateway = 0): Promise<CallReport> => {
    const to = stack.gateways[gateway]?.phoneNumber ?? '';
    return runInboundCall(stack.sandbox.twilio, { from: `+1555077${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`, to }, script, {
      voice,
      callerSpeech: stack.sandbox.callerSpeech,
      agentSpeech: stack.sandbox.agentSpeech,
      // Dead air is counted from 100 ms: other suites share the two cores while this one runs
      // (bench:voice measures gaps over 40 ms on a quiet machine).
      policy: { gapToleranceMs: 100 },
    });
  };

  before(async () => {
    await requireKafka();
    await requirePostgres();
    await requireRedis();
    await stack.start();
    responder = new ScriptedResponder(stack.bus, { reply, bargeIn: true, group: `${stack.topicPrefix}responder` });
    await responder.start();
  });

  after(async () => {
    await responder?.stop();
    await stack.stop();
  });

  it('an inbound call: the caller speaks, the transcript reaches the responder, its answer reaches the caller', async () => {
    const report = await call([
      { say: 'I would like to book an appointment' },
      { waitForAgent: { heard: /You said/, timeoutMs: 15_000 } },
      { pause: 300 },
      { hangUp: true },
    ]);
    assert.equal(report.failure, undefined, report.failure);
    assert.deepEqual(report.turns[0]?.agentHeard, ['You said: I would like to book an appointment.']);
    const voiceToVoice = report.turns[0]?.voiceToVoiceMs ?? null;
    assert.ok(voiceToVoice !== null && voiceToVoice < 3_000, `answered in ${voiceToVoice} ms`);
    assert.equal(report.turns[0]?.gaps.count, 0, 'no gap inside the reply');
  });

  it('the caller interrupts a long answer: agent audio stops promptly and call.playback reports what was heard', async (t) => {
    const report = await call([
      { say: 'What are your opening hours' },
      { interrupt: 'Sorry, do you take Aetna', afterAgentAudioMs: 2_500 },
      { waitForAgent: { heard: /You said: Sorry/, timeoutMs: 15_000 } },
      { hangUp: true },
    ]);
    assert.equal(report.failure, undefined, report.failure);
    const interrupted = report.turns.find((turn) => turn.kind === 'interrupt');
    assert.ok(interrupted?.interrupted, 'the caller talked over agent audio');
    const keptPlayingMs = interrupted.agentKeptPlayingMs ?? Number.POSITIVE_INFINITY;
    t.diagnostic(`agent audio kept playing ${keptPlayingMs} ms after the caller started speaking`);
    assert.ok(keptPlayingMs < 1_000, `agent audio kept playing ${keptPlayingMs} ms after the caller started`);
    const log = [...responder.calls.values()].find((entry) => entry.finals.some((text) => /opening hours/i.test(text)));
    assert.ok(log, 'the responder saw the call');
    const cleared = log.cleared.find((entry) => entry.turnId === 'turn-1');
    assert.ok(cleared, 'playback_cleared for the interrupted turn');
    const playedTurn1 = log.played.filter((entry) => entry.turnId === 'turn-1').map((entry) => entry.segmentIndex);
    assert.ok(playedTurn1.length < LONG_ANSWER.length, 'not every segment was heard');
    assert.deepEqual([...playedTurn1, ...cleared.unplayed].sort(), LONG_ANSWER.map((_, index) => index), 'each segment is either heard to the end or reported unplayed');
    const heardFully = report.agentTurns[0]?.pieces.filter((piece) => piece.share >= 0.99).map((piece) => piece.text) ?? [];
    assert.deepEqual(playedTurn1.map((index) => LONG_ANSWER[index]), heardFully, 'segment_played matches what the caller heard to the end');
  });

  for (const fault of [
    { kind: 'http-error', status: 503 },
    { kind: 'hang' },
    { kind: 'silence' },
    { kind: 'disconnect', afterChunks: 1 },
  ] as const) {
    it(`STT primary fault ${fault.kind}: the call fails over to the second recognizer and goes on`, async () => {
      stack.sandbox.deepgram.faults.set({ fault, remaining: 1 });
      try {
        const report = await call([
          { say: `Checking the ${fault.kind} recognizer fault` },
          { waitForAgent: { heard: /You said/, timeoutMs: 20_000 } },
          { say: 'And a second sentence after it', afterAgentSilenceMs: 300 },
          { waitForAgent: { heard: /second sentence/, timeoutMs: 20_000 } },
          { hangUp: true },
        ]);
        assert.equal(report.failure, undefined, report.failure);
        assert.ok(repeatedSentences(report) <= 1, `at most one repeated sentence: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
        assert.equal(stack.sandbox.deepgram.faults.current().fault.kind, 'none', 'the faulty Deepgram connection was made (the fault was used up)');
        const log = [...responder.calls.values()].find((entry) => entry.finals.some((text) => text.includes(`the ${fault.kind} recognizer`)));
        assert.ok(log?.providers.has('openai'), `the second recognizer took over: ${[...(log?.providers ?? [])].join(', ')}`);
      } finally {
        stack.sandbox.deepgram.faults.reset();
      }
    });
  }

  for (const fault of [
    { kind: 'http-error', status: 503 },
    { kind: 'hang' },
    { kind: 'silence' },
    { kind: 'disconnect', afterChunks: 2 },
  ] as const) {
    it(`TTS primary fault ${fault.kind}: the answer is still spoken, in one voice`, async () => {
      stack.sandbox.elevenlabs.faults.set({ fault, remaining: 1 });
      const tried = stack.sandbox.elevenlabs.requests.all().length;
      const fallbacks = stack.sandbox.deepgram.requests.all().filter((entry) => entry.path.includes('speak')).length;
      try {
        const report = await call([
          { say: `Checking the ${fault.kind} synthesizer fault` },
          { waitForAgent: { heard: /You said/, timeoutMs: 20_000 } },
          { say: 'Then another sentence please', afterAgentSilenceMs: 300 },
          { waitForAgent: { heard: /another sentence/, timeoutMs: 20_000 } },
          { hangUp: true },
        ]);
        assert.equal(report.failure, undefined, report.failure);
        assert.ok(repeatedSentences(report) <= 1, `at most one repeated sentence: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
        assert.equal(stack.sandbox.elevenlabs.faults.current().fault.kind, 'none', 'ElevenLabs was tried and failed');
        assert.equal(stack.sandbox.elevenlabs.requests.all().length, tried + 1, 'once failed over, the call did not go back to ElevenLabs');
        const spokenByAura = stack.sandbox.deepgram.requests.all().filter((entry) => entry.path.includes('speak')).length - fallbacks;
        assert.equal(spokenByAura, 2, 'Deepgram Aura spoke both answers: one voice for the rest of the call');
      } finally {
        stack.sandbox.elevenlabs.faults.reset();
      }
    });
  }

  it('two gateway replicas x 20 concurrent calls: every caller hears its own answers and no other', async () => {
    const reports = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        call(
          [
            { say: `Caller number ${index} asks a question` },
            { waitForAgent: { heard: new RegExp(`Caller number ${index} asks`), timeoutMs: 30_000 } },
            { pause: 200 },
            { hangUp: true },
          ],
          index % 2,
        ),
      ),
    );
    reports.forEach((report, index) => {
      assert.equal(report.failure, undefined, `call ${index}: ${report.failure}`);
      const heard = report.agentTurns.flatMap((turn) => turn.heard);
      assert.deepEqual(heard, [`You said: Caller number ${index} asks a question.`], `call ${index} heard only its own answer`);
    });
  });
});
