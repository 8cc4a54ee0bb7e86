import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, afterEach, before, describe, it } from 'node:test';
import { concatAudio } from '@va/audio';
import { createKafkaBus, Outcome, type KafkaBus, type Subscription } from '@va/bus';
import { loadConfig } from '@va/config';
import type { AgentAudioChunk } from '@va/contracts';
import { createLogger } from '@va/observability';
import { startSandbox, type Sandbox } from '@va/sandbox';
import { deleteTopicsWithPrefix } from '@va/service-kit/testing';
import { requireKafka, testInfra, uniqueTopicPrefix, waitFor } from '@va/testing';
import { Registry } from 'prom-client';
import { createTtsRuntime, type TtsRuntime } from './consumer/tts.runtime';
import { subscribeTts } from './consumer/tts.subscriptions';
import { ttsConfigShape } from './tts.config';

const quiet = createLogger({ service: 'tts-integration-test', level: 'error' });
const TURN = ['Thanks for calling Harbor Health.', 'Your plan covers the visit.', 'Is there anything else I can help with?'];
const TURN_TIMEOUT_MS = 20_000;

describe('tts over real Kafka with the sandbox ElevenLabs and Deepgram stand-ins', () => {
  const topicPrefix = uniqueTopicPrefix('tts');
  const registry = new Registry();
  const received = new Map<string, AgentAudioChunk[]>();
  let sandbox: Sandbox;
  let bus: KafkaBus;
  let runtime: TtsRuntime;
  let subscriptions: Subscription[] = [];

  const chunksOf = (callId: string): AgentAudioChunk[] => received.get(callId) ?? [];
  const spoken = async (provider: string): Promise<number> =>
    (await registry.getSingleMetric('tts_segments_total')?.get())?.values.find((value) => value.labels['provider'] === provider && value.labels['outcome'] === 'spoken')?.value ?? 0;

  const speakTurn = async (callId: string, turnId: string, texts: readonly string[]): Promise<void> => {
    for (const [index, text] of texts.entries()) {
      await bus.publish('call.speech', { callId, command: { case: 'speak', value: { turnId, segmentIndex: index, text, lastInTurn: index === texts.length - 1, voiceId: 'warm-female' } } });
    }
  };
  const turnDone = (callId: string) =>
    waitFor(() => chunksOf(callId).some((chunk) => chunk.lastInTurn && chunk.lastInSegment), { timeoutMs: TURN_TIMEOUT_MS, description: `the whole turn of ${callId} on call.audio.out` });

  /** Each segment in order, chunk indexes 0..n, text on its last chunk; returns each segment's audio. */
  const assertOrderedTurn = (callId: string, texts: readonly string[]): Uint8Array[] => {
    const chunks = chunksOf(callId);
    const segments = texts.map((_, index) => chunks.filter((chunk) => chunk.segmentIndex === index));
    assert.deepEqual(chunks.map((chunk) => chunk.segmentIndex), segments.flatMap((segment, index) => segment.map(() => index)), 'segments arrive strictly in order');
    return segments.map((segment, index) => {
      assert.deepEqual(segment.map((chunk) => chunk.chunkIndex), segment.map((_, position) => position), `segment ${index}: chunk indexes 0..n, none repeated`);
      assert.deepEqual(segment.map((chunk) => chunk.lastInSegment), segment.map((_, position) => position === segment.length - 1));
      assert.equal(segment.at(-1)?.text, texts[index]);
      assert.ok(segment.every((chunk) => chunk.audio.length <= 3_200));
      return concatAudio(segment.map((chunk) => chunk.audio));
    });
  };
  const assertStandInSpoke = (audios: readonly Uint8Array[], texts: readonly string[]): void => {
    for (const [index, audio] of audios.entries()) assert.equal(sandbox.agentSpeech.match(audio)?.utterance.text, texts[index], `segment ${index} is the stand-in's synthesis of its text`);
  };

  before(async () => {
    await requireKafka();
    sandbox = await startSandbox({ latency: 'none' });
    bus = createKafkaBus({ logger: quiet, brokers: testInfra.kafkaBrokers, clientId: 'tts-integration', topicPrefix });
    await bus.ensureTopics();
    const config = loadConfig(ttsConfigShape, {
      ELEVENLABS_API_KEY: sandbox.credentials.elevenLabsApiKey,
      ELEVENLABS_BASE_URL: sandbox.urls.elevenlabs,
      DEEPGRAM_API_KEY: sandbox.credentials.deepgramApiKey,
      DEEPGRAM_BASE_URL: sandbox.urls.deepgram,
      TTS_FIRST_AUDIO_BUDGET_MS: '800',
    });
    // Breakers never open here: each test shows one fault's failover, not the breaker's memory of the last.
    runtime = createTtsRuntime({ config, bus, registry, logger: quiet, breaker: { volumeThreshold: 1_000 } });
    subscriptions = await subscribeTts(bus, runtime.engine);
    subscriptions.push(
      await bus.subscribe(
        'call.audio.out',
        async (delivery) => {
          received.set(delivery.message.callId, [...chunksOf(delivery.message.callId), delivery.message]);
          return Outcome.ok();
        },
        { group: 'test-gateway' },
      ),
    );
  });

  afterEach(() => {
    sandbox.elevenlabs.faults.reset();
    sandbox.deepgram.faults.reset();
  });

  after(async () => {
    await Promise.all(subscriptions.map((subscription) => subscription.close()));
    await runtime?.engine.close();
    runtime?.chain.shutdown();
    await bus?.close();
    await sandbox?.close();
    await deleteTopicsWithPrefix(topicPrefix);
  });

  it('speaks a three-segment turn through ElevenLabs, in order, text on each segment’s last chunk', async () => {
    const callId = `call-${randomUUID()}`;
    const before = await spoken('elevenlabs');
    await speakTurn(callId, 't1', TURN);
    await turnDone(callId);
    assertStandInSpoke(assertOrderedTurn(callId, TURN), TURN);
    assert.equal((await spoken('elevenlabs')) - before, 3);
    assert.deepEqual(sandbox.elevenlabs.syntheses().filter((synthesis) => TURN.includes(synthesis.text)).map((synthesis) => synthesis.outputFormat), ['ulaw_8000', 'ulaw_8000', 'ulaw_8000']);
  });

  for (const fault of [
    { kind: 'http-error', status: 503 },
    { kind: 'hang' },
    { kind: 'silence' },
    { kind: 'disconnect', afterChunks: 2 },
  ] as const) {
    it(`still speaks the turn, by deepgram-aura, when ElevenLabs fails with ${fault.kind}`, async () => {
      sandbox.elevenlabs.faults.set({ fault });
      const callId = `call-${randomUUID()}`;
      const before = await spoken('deepgram-aura');
      await speakTurn(callId, 't1', TURN);
      await turnDone(callId);
      assertStandInSpoke(assertOrderedTurn(callId, TURN), TURN);
      assert.equal((await spoken('deepgram-aura')) - before, 3);
    });
  }

  it('speaks with espeak-ng when both vendors are down', async () => {
    sandbox.elevenlabs.faults.set({ fault: { kind: 'http-error', status: 503 } });
    sandbox.deepgram.faults.set({ fault: { kind: 'http-error', status: 500 } });
    const callId = `call-${randomUUID()}`;
    const before = await spoken('espeak');
    await speakTurn(callId, 't1', TURN);
    await turnDone(callId);
    const audios = assertOrderedTurn(callId, TURN);
    assert.equal((await spoken('espeak')) - before, 3);
    for (const audio of audios) {
      assert.ok(audio.length > 4_000, 'at least half a second of speech per segment');
      assert.equal(sandbox.agentSpeech.match(audio), undefined, 'not a stand-in’s audio');
    }
  });

  it('the call’s end stops its audio stream and silences later speech', async () => {
    sandbox.elevenlabs.faults.set({ chunkIntervalMs: 100 });
    const callId = `call-${randomUUID()}`;
    await speakTurn(callId, 't1', ['Let me read you the full list of covered services under your plan, one at a time. '.repeat(3)]);
    await waitFor(() => chunksOf(callId).length >= 2, { timeoutMs: TURN_TIMEOUT_MS, description: 'the first audio of the long answer' });
    await bus.publish('call.lifecycle', { callId, tenantId: 'tenant-1', occurredAtUnixMs: BigInt(Date.now()), event: { case: 'ended', value: { durationSeconds: 3 } } });
    await sleep(1_500);
    await speakTurn(callId, 't2', ['Hello?']);
    const afterEnd = chunksOf(callId).length;
    await sleep(1_500);
    assert.equal(chunksOf(callId).length, afterEnd, 'nothing more after the end took effect');
    assert.ok(chunksOf(callId).every((chunk) => chunk.turnId === 't1' && !chunk.lastInSegment));
  });

  it('a cancel stops the turn’s audio stream', async () => {
    sandbox.elevenlabs.faults.set({ chunkIntervalMs: 100 });
    const callId = `call-${randomUUID()}`;
    const longText = 'Let me read you the full list of covered services under your plan, one at a time. '.repeat(3);
    await speakTurn(callId, 't1', [longText, 'And that is all.']);
    await waitFor(() => chunksOf(callId).length >= 2, { timeoutMs: TURN_TIMEOUT_MS, description: 'the first audio of the long answer' });
    await bus.publish('call.speech', { callId, command: { case: 'cancel', value: { turnId: 't1', reason: 'barge-in' } } });
    await sleep(1_500);
    const afterCancel = chunksOf(callId).length;
    await sleep(1_500);
    assert.equal(chunksOf(callId).length, afterCancel, 'nothing more after the cancel took effect');
    assert.ok(chunksOf(callId).every((chunk) => !chunk.lastInSegment), 'the segment was never completed');
    assert.ok(afterCancel < 40, `only the start of a ${longText.length}-character answer went out (${afterCancel} chunks)`);
  });
});
