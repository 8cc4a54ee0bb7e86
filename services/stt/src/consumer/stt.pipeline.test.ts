import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { setImmediate as flush } from 'node:timers/promises';
import { createInMemoryBus, Outcome, type InMemoryBus } from '@va/bus';
import { AudioEncoding, CallEndReason, type MessageInit, type TranscriptEvent } from '@va/contracts';
import { FRAME_BYTES, silenceMulaw, speechLikeMulaw } from '@va/audio';
import { createLogger } from '@va/observability';
import { waitFor } from '@va/testing';
import { Registry } from 'prom-client';
import { FakeRecognizer } from '../recognizer/fake-recognizer.test-support';
import { ManualScheduler } from '../session/scheduler.test-support';
import { DEFAULT_SESSION_POLICY } from '../session/session.policy';
import { startSttPipeline, type SttPipeline } from './stt.pipeline';

const quiet = createLogger({ service: 'stt-test', level: 'error' });
const IDLE_CLOSE_MS = 30_000;
const SWEEP_MS = 1_000;

function chunk(callId: string, sequence: number, audio: Uint8Array, overrides: Partial<MessageInit<'call.audio.in'>> = {}): MessageInit<'call.audio.in'> {
  return { callId, sequence, encoding: AudioEncoding.MULAW, sampleRateHz: 8_000, streamOffsetMs: (sequence - 1) * 20, audio, ...overrides };
}

describe('stt pipeline (in-memory bus, fake recognizers)', () => {
  let bus: InMemoryBus;
  let registry: Registry;
  let scheduler: ManualScheduler;
  let primary: FakeRecognizer;
  let pipeline: SttPipeline;
  const transcripts: TranscriptEvent[] = [];

  const counter = async (name: string, labels: Record<string, string> = {}) => {
    const values = (await registry.getSingleMetric(name)?.get())?.values ?? [];
    return values.filter((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label)).reduce((sum, value) => sum + value.value, 0);
  };

  beforeEach(async () => {
    bus = createInMemoryBus({ logger: quiet });
    await bus.ensureTopics();
    registry = new Registry();
    scheduler = new ManualScheduler();
    primary = new FakeRecognizer('deepgram');
    transcripts.length = 0;
    await bus.subscribe('call.transcript', (delivery) => {
      transcripts.push(delivery.message);
      return Promise.resolve(Outcome.ok());
    }, { group: 'test-dialog' });
    pipeline = await startSttPipeline({
      bus,
      logger: quiet,
      registry,
      links: [{ name: primary.name, provider: primary }],
      connectBudgetMs: 1_000,
      idleCloseMs: IDLE_CLOSE_MS,
      policy: DEFAULT_SESSION_POLICY,
      scheduler,
      instanceId: 'test-instance',
      sweepIntervalMs: SWEEP_MS,
    });
  });
  afterEach(async () => {
    await pipeline.stop();
    await bus.close();
  });

  it('opens one session per call on its first audio (also mid-call) and publishes its transcripts', async () => {
    await bus.publish('call.audio.in', chunk('call-a', 1, silenceMulaw(20)));
    await bus.publish('call.audio.in', chunk('call-b', 57, speechLikeMulaw(20, 2)));
    await waitFor(() => primary.streams.length === 2, { timeoutMs: 5_000, description: 'two sessions' });
    assert.deepEqual(primary.streams.map((stream) => stream.callId).sort(), ['call-a', 'call-b']);
    assert.equal(await counter('stt_sessions_active'), 2);
    const callB = primary.streams.find((stream) => stream.callId === 'call-b');
    callB?.emitFinal('I need a new card', 0, 20);
    await waitFor(() => transcripts.length === 1, { timeoutMs: 5_000, description: 'the transcript' });
    const [event] = transcripts;
    assert.equal(event?.callId, 'call-b');
    assert.equal(event?.provider, 'deepgram');
    assert.ok((event?.producedAtUnixMs ?? 0n) > 0n);
    assert.equal(event?.event.case, 'transcript');
    assert.equal(event?.event.case === 'transcript' ? event.event.value.text : '', 'I need a new card');
    assert.equal(event?.event.case === 'transcript' ? event.event.value.startMs : -1, 56 * 20, 'offsets continue the call stream');
  });

  it('drops and counts duplicate and malformed chunks, and counts gaps', async () => {
    const audio = speechLikeMulaw(20, 4);
    await bus.publish('call.audio.in', chunk('call-c', 1, audio));
    await bus.publish('call.audio.in', chunk('call-c', 2, audio));
    await bus.publish('call.audio.in', chunk('call-c', 2, audio));
    await bus.publish('call.audio.in', chunk('call-c', 1, audio));
    await bus.publish('call.audio.in', chunk('call-c', 5, audio));
    await bus.publish('call.audio.in', chunk('call-c', 6, audio, { encoding: AudioEncoding.LINEAR16 }));
    await bus.publish('call.audio.in', chunk('call-c', 7, audio, { sampleRateHz: 16_000 }));
    await bus.publish('call.audio.in', chunk('call-c', 8, new Uint8Array()));
    await waitFor(async () => (await counter('stt_chunks_dropped_total', { reason: 'malformed' })) === 3, { timeoutMs: 5_000, description: 'malformed chunks counted' });
    assert.equal(await counter('stt_chunks_dropped_total', { reason: 'duplicate' }), 2);
    assert.equal(await counter('stt_chunk_gaps_total'), 1);
    assert.equal(primary.last.sentAudio.length, 3 * FRAME_BYTES, 'only chunks 1, 2 and 5 reached the recognizer');
  });

  it('closes the session when the call ends, and refuses its late audio', async () => {
    await bus.publish('call.audio.in', chunk('call-d', 1, silenceMulaw(20)));
    await waitFor(() => primary.streams.length === 1, { timeoutMs: 5_000, description: 'the session' });
    await bus.publish('call.lifecycle', { callId: 'call-d', tenantId: 't', occurredAtUnixMs: 1n, event: { case: 'ended', value: { reason: CallEndReason.CALLER_HUNG_UP } } });
    await waitFor(() => primary.last.closed, { timeoutMs: 5_000, description: 'the stream closed' });
    assert.equal(primary.last.finished, true, 'the recognizer was flushed first');
    await bus.publish('call.audio.in', chunk('call-d', 2, silenceMulaw(20)));
    await waitFor(async () => (await counter('stt_chunks_dropped_total', { reason: 'call-ended' })) === 1, { timeoutMs: 5_000, description: 'late audio refused' });
    assert.equal(primary.streams.length, 1, 'no new session for an ended call');
    assert.equal(await counter('stt_sessions_active'), 0);
  });

  it('closes a session after the idle period with no audio', async () => {
    await bus.publish('call.audio.in', chunk('call-e', 1, silenceMulaw(20)));
    await waitFor(() => primary.streams.length === 1, { timeoutMs: 5_000, description: 'the session' });
    await flush();
    scheduler.advance(IDLE_CLOSE_MS - SWEEP_MS);
    assert.equal(primary.last.closed, false, 'still open before the idle period');
    assert.ok(primary.last.keepAlives >= 1, 'kept alive meanwhile');
    scheduler.advance(2 * SWEEP_MS);
    assert.equal(primary.last.closed, true);
    assert.equal(await counter('stt_sessions_active'), 0);
  });
});
