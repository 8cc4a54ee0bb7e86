import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { concatAudio, FRAME_BYTES, FRAME_DURATION_MS, silenceMulaw, splitIntoFrames } from '@va/audio';
import { createKafkaBus, Outcome, type KafkaBus } from '@va/bus';
import { AudioEncoding, type TranscriptEvent } from '@va/contracts';
import { loadConfig } from '@va/config';
import { createLogger } from '@va/observability';
import type { BreakerOptions } from '@va/resilience';
import { SignalSynthesizer, startSandbox, type Sandbox } from '@va/sandbox';
import { deleteTopicsWithPrefix } from '@va/service-kit/testing';
import { requireKafka, testInfra, uniqueTopicPrefix, waitFor } from '@va/testing';
import { Registry } from 'prom-client';
import type { SttPipeline } from './consumer/stt.pipeline';
import { startSttFromConfig } from './consumer/stt.wiring';
import { systemScheduler } from './session/scheduler.port';
import { sttConfigShape } from './stt.config';

/** The Kafka client's transient "not the leader" complaints right after topic creation are noise here. */
const quiet = createLogger({ service: 'stt-integration-test', level: 'error', destination: { write: () => undefined } });
const TRANSCRIPT_TIMEOUT_MS = 30_000;
/** Fault scenarios must each reach Deepgram: its breaker never opens there. */
const BREAKER_NEVER_OPENS: BreakerOptions = { volumeThreshold: 1_000 };

describe('stt on real Kafka with the sandbox stand-ins', () => {
  const topicPrefix = uniqueTopicPrefix('stt');
  const voice = new SignalSynthesizer();
  const received = new Map<string, TranscriptEvent[]>();
  let sandbox: Sandbox;
  let testBus: KafkaBus;
  let running: { bus: KafkaBus; pipeline: SttPipeline; registry: Registry } | undefined;
  let calls = 0;

  const startStt = async (breaker?: BreakerOptions) => {
    const config = loadConfig(sttConfigShape, {
      DEEPGRAM_API_KEY: sandbox.credentials.deepgramApiKey,
      DEEPGRAM_BASE_URL: sandbox.deepgram.url,
      DEEPGRAM_WS_URL: sandbox.deepgram.wsUrl,
      OPENAI_API_KEY: sandbox.credentials.openAiApiKey,
      OPENAI_BASE_URL: sandbox.openai.url,
      STT_SILENCE_BUDGET_MS: '1500',
      STT_CONNECT_BUDGET_MS: '1500',
    });
    const bus = createKafkaBus({ logger: quiet, brokers: testInfra.kafkaBrokers, clientId: 'stt', topicPrefix });
    const registry = new Registry();
    const pipeline = await startSttFromConfig({ bus, logger: quiet, registry, config, scheduler: systemScheduler, instanceId: randomUUID(), ...(breaker === undefined ? {} : { breaker }) });
    running = { bus, pipeline, registry };
    return running;
  };
  const stopStt = async () => {
    await running?.pipeline.stop();
    await running?.bus.close();
    running = undefined;
  };

  /** A simulated caller says `text` on a new call: its audio goes out as 20 ms chunks at real-time pace. */
  const callerSays = async (text: string): Promise<string> => {
    calls += 1;
    const callId = `stt-call-${calls}-${topicPrefix}`;
    const speech = await voice.synthesize(text);
    sandbox.callerSpeech.register(text, speech);
    const frames = splitIntoFrames(concatAudio([silenceMulaw(300), speech, silenceMulaw(1_500)]), FRAME_BYTES);
    const startedAtMs = Date.now();
    const published: Promise<void>[] = [];
    for (const [index, audio] of frames.entries()) {
      const dueMs = startedAtMs + index * FRAME_DURATION_MS - Date.now();
      if (dueMs > 0) await sleep(dueMs);
      published.push(
        testBus.publish('call.audio.in', { callId, sequence: index + 1, encoding: AudioEncoding.MULAW, sampleRateHz: 8_000, streamOffsetMs: index * FRAME_DURATION_MS, audio }),
      );
    }
    await Promise.all(published);
    return callId;
  };

  /** The final text of the call's utterance and the provider that produced it. */
  const finalOf = async (callId: string) => {
    const finals = () => (received.get(callId) ?? []).filter((event) => event.event.case === 'transcript' && event.event.value.isFinal);
    await waitFor(() => finals().some((event) => event.event.case === 'transcript' && event.event.value.speechFinal), {
      timeoutMs: TRANSCRIPT_TIMEOUT_MS,
      description: `a speech-final transcript for ${callId}`,
    });
    const texts = finals().map((event) => (event.event.case === 'transcript' ? event.event.value.text : '')).filter((text) => text !== '');
    return { text: texts.join(' '), providers: [...new Set(finals().map((event) => event.provider))] };
  };

  const metricValue = async (name: string, labels: Record<string, string>) => {
    const values = (await running?.registry.getSingleMetric(name)?.get())?.values ?? [];
    return values.filter((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label)).reduce((sum, value) => sum + value.value, 0);
  };

  before(async () => {
    await requireKafka();
    sandbox = await startSandbox({ latency: 'none' });
    testBus = createKafkaBus({ logger: quiet, brokers: testInfra.kafkaBrokers, clientId: 'stt-test', topicPrefix });
    await testBus.ensureTopics();
    await testBus.subscribe('call.transcript', (delivery) => {
      const list = received.get(delivery.message.callId) ?? [];
      list.push(delivery.message);
      received.set(delivery.message.callId, list);
      return Promise.resolve(Outcome.ok());
    }, { group: 'stt-test-dialog' });
  });

  after(async () => {
    await stopStt();
    await testBus?.close();
    await sandbox?.close();
    await deleteTopicsWithPrefix(topicPrefix);
  });

  describe('one pipeline, each Deepgram fault in turn', () => {
    before(() => startStt(BREAKER_NEVER_OPENS));
    after(stopStt);

    it('publishes the caller utterance as a final transcript from Deepgram, with speech-started first', async () => {
      const callId = await callerSays('book me for tuesday');
      const final = await finalOf(callId);
      assert.equal(final.text, 'book me for tuesday');
      assert.deepEqual(final.providers, ['deepgram']);
      const events = received.get(callId) ?? [];
      assert.equal(events[0]?.event.case, 'speechStarted');
      assert.ok(events.every((event) => event.producedAtUnixMs > 0n));
    });

    const faults = [
      { name: 'http-error 503 on connect', fault: { kind: 'http-error', status: 503 }, reason: 'error', text: 'my card was declined' },
      { name: 'hang on connect', fault: { kind: 'hang' }, reason: 'timeout', text: 'I need a refill' },
      { name: 'connect then silence', fault: { kind: 'silence' }, reason: 'silence', text: 'what are your hours' },
      { name: 'disconnect mid-stream', fault: { kind: 'disconnect', afterChunks: 1 }, reason: 'error', text: 'please call me back' },
    ] as const;
    for (const scenario of faults) {
      it(`${scenario.name}: the transcript still arrives, from OpenAI`, async () => {
        const failuresBefore = await metricValue('provider_failures_total', { kind: 'stt', provider: 'deepgram', reason: scenario.reason });
        sandbox.deepgram.faults.set({ fault: scenario.fault, remaining: 1 });
        const callId = await callerSays(scenario.text);
        const final = await finalOf(callId);
        assert.equal(final.text, scenario.text);
        assert.ok(final.providers.includes('openai'), `providers: ${final.providers.join(', ')}`);
        assert.equal(await metricValue('provider_failures_total', { kind: 'stt', provider: 'deepgram', reason: scenario.reason }), failuresBefore + 1);
      });
    }
  });

  describe('with the service breaker settings', () => {
    before(() => startStt());
    after(async () => {
      sandbox.deepgram.faults.reset();
      await stopStt();
    });

    it('opens the Deepgram breaker after repeated failures and skips it while open', async () => {
      sandbox.deepgram.faults.set({ fault: { kind: 'http-error', status: 503 } });
      for (const text of ['first failing call', 'second failing call']) {
        const final = await finalOf(await callerSays(text));
        assert.equal(final.text, text);
      }
      assert.equal(await metricValue('provider_breaker_state', { kind: 'stt', provider: 'deepgram' }), 2, 'open');
      const attemptsBefore = sandbox.deepgram.requests.all().filter((entry) => entry.kind === 'ws-open').length;
      const final = await finalOf(await callerSays('third call goes straight through'));
      assert.equal(final.text, 'third call goes straight through');
      assert.deepEqual(final.providers, ['openai']);
      assert.equal(sandbox.deepgram.requests.all().filter((entry) => entry.kind === 'ws-open').length, attemptsBefore, 'Deepgram was not called');
    });
  });
});
