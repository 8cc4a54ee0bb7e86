import assert from 'node:assert/strict';
import { setImmediate as flush } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { concatAudio, FRAME_BYTES, FRAME_DURATION_MS, silenceMulaw, speechLikeMulaw, splitIntoFrames } from '@va/audio';
import { createLogger } from '@va/observability';
import { FailoverChain } from '@va/resilience';
import { Registry } from 'prom-client';
import { FakeRecognizer } from '../recognizer/fake-recognizer.test-support';
import type { StreamingRecognizer } from '../recognizer/streaming.recognizer';
import type { RecognitionEvent } from './recognition.event';
import { RecognitionSession } from './recognition.session';
import { ManualScheduler } from './scheduler.test-support';
import { DEFAULT_SESSION_POLICY } from './session.policy';

const quiet = createLogger({ service: 'stt-test', level: 'error' });
const CALL_START_MS = 5_000;

function harness() {
  const registry = new Registry();
  const scheduler = new ManualScheduler();
  const primary = new FakeRecognizer('primary');
  const secondary = new FakeRecognizer('secondary');
  const chain = new FailoverChain<StreamingRecognizer>(
    [
      { name: primary.name, provider: primary },
      { name: secondary.name, provider: secondary },
    ],
    { kind: 'stt', registry, budgetMs: 1_000 },
  );
  const events: Array<{ provider: string; event: RecognitionEvent }> = [];
  const session = new RecognitionSession('call-1', CALL_START_MS, {
    chain,
    scheduler,
    policy: DEFAULT_SESSION_POLICY,
    logger: quiet,
    listener: (_callId, provider, event) => events.push({ provider, event }),
  });
  /** Pushes audio as 20 ms frames, the clock moving 20 ms per frame. */
  const play = async (audio: Uint8Array) => {
    for (const frame of splitIntoFrames(audio, FRAME_BYTES)) {
      scheduler.advance(FRAME_DURATION_MS);
      session.push(frame);
      await flush();
    }
  };
  const failures = async (provider: string, reason: string) => {
    const metric = (await registry.getSingleMetric('provider_failures_total')?.get())?.values ?? [];
    return metric.find((value) => value.labels['provider'] === provider && value.labels['reason'] === reason)?.value ?? 0;
  };
  return { registry, scheduler, primary, secondary, chain, events, session, play, failures };
}

describe('recognition session', () => {
  it('opens the primary on the first audio and streams every chunk to it', async () => {
    const { primary, secondary, session, play } = harness();
    const audio = concatAudio([silenceMulaw(200), speechLikeMulaw(400, 3)]);
    await play(audio);
    assert.equal(primary.streams.length, 1);
    assert.equal(secondary.streams.length, 0);
    assert.deepEqual(primary.last.sentAudio, audio, 'the first frame is replayed on open, then every frame follows');
    assert.equal(session.provider, 'primary');
  });

  it('maps the recognizer offsets onto the call stream and publishes its events', async () => {
    const { primary, events, play } = harness();
    await play(silenceMulaw(100));
    primary.last.emitSpeechStarted(40);
    primary.last.emitFinal('hello there', 20, 900);
    assert.deepEqual(events.map(({ provider }) => provider), ['primary', 'primary']);
    assert.deepEqual(events[0]?.event, { kind: 'speech-started', offsetMs: CALL_START_MS + 40 });
    const final = events[1]?.event;
    assert.equal(final?.kind === 'transcript' ? final.transcript.startMs : undefined, CALL_START_MS + 20);
    assert.equal(final?.kind === 'transcript' ? final.transcript.text : undefined, 'hello there');
  });

  it('fails over when the primary stays silent after speech, replaying the unfinished utterance', async () => {
    const { primary, secondary, events, play, failures } = harness();
    const lead = silenceMulaw(1_000);
    const speech = speechLikeMulaw(1_500, 7);
    await play(lead);
    await play(speech);
    assert.equal(secondary.streams.length, 0, 'within the budget nothing happens');
    await play(silenceMulaw(1_000));
    assert.equal(primary.last.closed, true, 'the silent primary is closed');
    assert.equal(secondary.streams.length, 1, 'the secondary took over');
    assert.equal(await failures('primary', 'silence'), 1);
    const replay = secondary.last.sent[0] ?? new Uint8Array();
    const leadKept = Buffer.from(replay).indexOf(Buffer.from(speech));
    assert.ok(leadKept >= 0, 'the whole utterance is replayed');
    assert.ok(leadKept <= 400 * 8, `the replay starts at most a short preroll before the speech (${leadKept} bytes before it)`);
    secondary.last.emitFinal('book an appointment', 0, 2_000);
    assert.equal(events.at(-1)?.provider, 'secondary');
    const transcript = events.at(-1)?.event;
    assert.ok(transcript?.kind === 'transcript');
    assert.ok(Math.abs(transcript.transcript.startMs - (CALL_START_MS + 1_000 - leadKept / 8)) < 1, 'offsets are in the call stream');
  });

  it('replays only audio after the last final result', async () => {
    const { primary, secondary, play } = harness();
    const first = speechLikeMulaw(800, 11);
    await play(concatAudio([silenceMulaw(200), first, silenceMulaw(400)]));
    primary.last.emitFinal('first part', 0, 1_400);
    const second = speechLikeMulaw(900, 12);
    await play(concatAudio([silenceMulaw(600), second]));
    primary.last.fail('socket dropped');
    await flush();
    const replay = secondary.last.sent[0] ?? new Uint8Array();
    assert.ok(replay.length < second.length + 400 * 8, `the first utterance is not replayed (${replay.length} bytes)`);
    assert.deepEqual(replay.subarray(replay.length - second.length), second);
  });

  it('fails over on a provider error, counts it, and ignores the failed stream afterwards', async () => {
    const { primary, secondary, events, play, failures } = harness();
    await play(concatAudio([silenceMulaw(100), speechLikeMulaw(600, 5)]));
    primary.last.fail('connection reset');
    await flush();
    assert.equal(secondary.streams.length, 1);
    assert.equal(await failures('primary', 'error'), 1);
    primary.last.emitFinal('late words', 0, 500);
    assert.equal(events.length, 0, 'the failed stream no longer speaks for the call');
    await play(speechLikeMulaw(100, 6));
    assert.equal(secondary.last.sent.length >= 2, true, 'live audio follows the replay');
  });

  it('when every recognizer fails, buffers and retries from the primary later', async () => {
    const { primary, secondary, scheduler, session, play } = harness();
    primary.mode = 'refuse';
    secondary.mode = 'refuse';
    await play(speechLikeMulaw(200, 8));
    assert.equal(session.provider, undefined);
    primary.mode = 'answer';
    scheduler.advance(DEFAULT_SESSION_POLICY.retryAfterExhaustedMs);
    await play(speechLikeMulaw(100, 9));
    assert.equal(session.provider, 'primary');
    assert.ok(primary.last.sentAudio.length >= 300 * 8, 'the buffered speech is replayed to it');
  });

  it('sends KeepAlive while no audio flows, and flushes at finish', async () => {
    const { primary, scheduler, session, play } = harness();
    await play(silenceMulaw(100));
    scheduler.advance(DEFAULT_SESSION_POLICY.keepAliveIntervalMs);
    session.tick();
    assert.equal(primary.last.keepAlives, 1);
    session.tick();
    assert.equal(primary.last.keepAlives, 1, 'once per interval');
    await session.finish();
    assert.equal(primary.last.finished, true);
    assert.equal(primary.last.closed, true);
    session.push(silenceMulaw(20));
    assert.equal(primary.streams.length, 1, 'a finished session does not reopen');
  });
});
