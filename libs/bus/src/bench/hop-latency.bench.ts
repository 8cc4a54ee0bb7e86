import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { AudioEncoding } from '@va/contracts';
import { requireKafka, testInfra, uniqueTopicPrefix } from '@va/testing';
import { Outcome, type Bus } from '../bus';
import { RecordingLogger } from '../conformance/recording.logger';
import { createKafkaBus } from '../kafka/kafka.bus';
import { plannedTopics } from '../kafka/kafka.topics';
import { createInMemoryBus } from '../memory/in-memory.bus';

/**
 * `npm run bench:bus`: the platform's own share of voice latency on one hop. N concurrent calls
 * each publish a 20 ms caller-audio chunk every 20 ms (real time) for a few seconds; a
 * subscriber in another consumer group handles them. Prints, per backend and call count, the
 * publish-to-handler latency percentiles and throughput as one JSON line each.
 */
const CALL_COUNTS = [10, 50, 100];
const DURATION_MS = 4_000;
const FRAME_MS = 20;

interface HopFigures {
  readonly backend: string;
  readonly calls: number;
  readonly messages: number;
  readonly lost: number;
  readonly messagesPerSecond: number;
  readonly hopMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number };
}

async function measure(backend: string, bus: Bus, calls: number): Promise<HopFigures> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const group = `bench-${backend}-${calls}-${Date.now()}`;
  const subscription = await bus.subscribe(
    'call.audio.in',
    async (delivery) => {
      const key = `${delivery.key}/${delivery.message.sequence}`;
      const started = sentAt.get(key);
      if (started !== undefined) {
        latencies.push(performance.now() - started);
        sentAt.delete(key);
      }
      return Outcome.ok();
    },
    { group },
  );
  // Kafka needs the group to join before the clock starts; the first message is a warm-up.
  await bus.publish('call.audio.in', chunk('warm-up', 1));
  await sleep(backend === 'kafka' ? 3_000 : 50);

  const frames = DURATION_MS / FRAME_MS;
  const started = performance.now();
  const publishing: Promise<void>[] = [];
  for (let frame = 1; frame <= frames; frame += 1) {
    const due = started + frame * FRAME_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    for (let call = 0; call < calls; call += 1) {
      const callId = `${group}-call-${call}`;
      sentAt.set(`${callId}/${frame}`, performance.now());
      publishing.push(bus.publish('call.audio.in', chunk(callId, frame)));
    }
  }
  await Promise.all(publishing);
  const deadline = performance.now() + 10_000;
  while (sentAt.size > 0 && performance.now() < deadline) await sleep(20);
  const elapsedS = (performance.now() - started) / 1_000;
  await subscription.close();
  latencies.sort((a, b) => a - b);
  const rank = (percent: number) => round(latencies[Math.min(latencies.length - 1, Math.ceil((percent / 100) * latencies.length) - 1)] ?? NaN);
  return {
    backend,
    calls,
    messages: latencies.length,
    lost: sentAt.size,
    messagesPerSecond: Math.round(latencies.length / elapsedS),
    hopMs: { p50: rank(50), p95: rank(95), p99: rank(99), max: round(latencies[latencies.length - 1] ?? NaN) },
  };
}

function chunk(callId: string, sequence: number) {
  return { callId, sequence, encoding: AudioEncoding.MULAW, sampleRateHz: 8_000, streamOffsetMs: sequence * FRAME_MS, audio: new Uint8Array(160).fill(0xff) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function main(): Promise<void> {
  const logger = new RecordingLogger();
  const memory = createInMemoryBus({ logger });
  await memory.ensureTopics();
  for (const calls of CALL_COUNTS) process.stdout.write(`${JSON.stringify(await measure('in-memory', memory, calls))}\n`);
  await memory.close();

  await requireKafka();
  const topicPrefix = uniqueTopicPrefix('bench');
  const kafka = createKafkaBus({ logger, brokers: testInfra.kafkaBrokers, clientId: 'bench', topicPrefix });
  await kafka.ensureTopics();
  try {
    for (const calls of CALL_COUNTS) process.stdout.write(`${JSON.stringify(await measure('kafka', kafka, calls))}\n`);
  } finally {
    await kafka.close();
    const admin = new Kafka({ clientId: 'bench-cleanup', brokers: [...testInfra.kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: plannedTopics(topicPrefix).map((topic) => topic.name) });
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:bus failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
