import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { trace } from '@opentelemetry/api';
import { AudioEncoding, decodeMessage, type TopicName } from '@va/contracts';
import { waitFor } from '@va/testing';
import { Outcome, type Bus, type DeadLetter, type Delivery, type Subscription } from '../bus';
import { installInMemoryTracing } from './test-tracing';

/** What a backend's test file provides to the shared suite. */
export interface BusUnderTest {
  readonly bus: Bus;
  /** Puts bytes on a topic as they are, bypassing encoding. */
  appendRaw(topic: TopicName, key: string, value: Uint8Array): Promise<void>;
  /** A fresh bus on the same topics (another instance of a service). */
  another(): Promise<Bus>;
  dispose(): Promise<void>;
}

const FAST_RETRY = { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 40 } as const;
const DELIVERY_TIMEOUT_MS = 30_000;

/** Resolves once `count` items were collected; rejects naming what was missing on timeout. */
class Collector<T> {
  readonly items: T[] = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  push(item: T): void {
    this.items.push(item);
    this.waiters = this.waiters.filter((waiter) => {
      if (this.items.length >= waiter.count) waiter.resolve();
      return this.items.length < waiter.count;
    });
  }

  async atLeast(count: number, what: string): Promise<T[]> {
    if (this.items.length < count) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`expected ${count} ${what}, got ${this.items.length}`)),
          DELIVERY_TIMEOUT_MS,
        );
        this.waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(); } });
      });
    }
    return this.items;
  }
}

/**
 * The contract every bus backend keeps; run by each backend's test file against a real
 * broker (Kafka) or the in-memory log. Each test uses its own call IDs and consumer groups,
 * and handlers ignore other tests' calls, so tests share one set of topics.
 */
export function runBusConformance(backend: string, open: () => Promise<BusUnderTest>): void {
  describe(`bus conformance: ${backend}`, () => {
    let subject: BusUnderTest;
    const subscriptions: Subscription[] = [];
    const spans = installInMemoryTracing();

    before(async () => {
      subject = await open();
      await subject.bus.ensureTopics();
    });

    after(async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await subject.dispose();
    });

    const scope = (label: string) => {
      const id = `${label}-${randomUUID().slice(0, 8)}`;
      return { callId: (index = 0) => `${id}-call-${index}`, group: `${id}-group`, owns: (key: string) => key.startsWith(id) };
    };

    /** Dead letters of call.control that belong to the test's calls. */
    const collectDeadLetters = async (test: ReturnType<typeof scope>): Promise<Collector<DeadLetter>> => {
      const deadLetters = new Collector<DeadLetter>();
      subscriptions.push(
        await subject.bus.subscribeDeadLetters('call.control', async (deadLetter) => {
          if (test.owns(deadLetter.key)) deadLetters.push(deadLetter);
        }, { group: `${test.group}-dlq` }),
      );
      return deadLetters;
    };

    const control = (callId: string, digit = '1') => ({ callId, action: { case: 'dtmfReceived' as const, value: { digit } } });
    const audio = (callId: string, sequence: number) => ({
      callId,
      sequence,
      encoding: AudioEncoding.MULAW,
      sampleRateHz: 8000,
      audio: new Uint8Array([sequence % 256]),
    });

    it('checks its health', async () => {
      const health = await subject.bus.checkHealth();
      assert.equal(health.ok, true, health.detail);
    });

    it('delivers a published message decoded, keyed by call ID, on its first attempt', async () => {
      const test = scope('deliver');
      const received = new Collector<Delivery<'call.control'>>();
      subscriptions.push(
        await subject.bus.subscribe('call.control', async (delivery) => {
          if (test.owns(delivery.key)) received.push(delivery);
          return Outcome.ok();
        }, { group: test.group }),
      );
      await subject.bus.publish('call.control', control(test.callId(), '7'));
      const [delivery] = await received.atLeast(1, 'deliveries');
      assert.ok(delivery);
      assert.equal(delivery.key, test.callId());
      assert.equal(delivery.message.callId, test.callId());
      assert.equal(delivery.attempt, 1);
      assert.equal(delivery.message.action.case, 'dtmfReceived');
      assert.equal(delivery.message.action.value?.digit, '7');
    });

    it('keeps each call in order and loses nothing under concurrent publishes', async () => {
      const test = scope('order');
      const calls = 8;
      const eventsPerCall = 60;
      // Delivery is at least once: a redelivery (after a rebalance, or a producer retry) may
      // repeat what came before, but nothing may arrive ahead of a message not yet delivered.
      const received = new Collector<{ key: string; sequence: number }>();
      const highest = new Map<string, number>();
      const jumps: string[] = [];
      subscriptions.push(
        await subject.bus.subscribe('call.audio.in', async (delivery) => {
          if (!test.owns(delivery.key)) return Outcome.ok();
          const sequence = delivery.message.sequence;
          const top = highest.get(delivery.key) ?? 0;
          if (sequence > top + 1) jumps.push(`${sequence} after ${top}`);
          if (sequence > top) {
            highest.set(delivery.key, sequence);
            received.push({ key: delivery.key, sequence });
          }
          return Outcome.ok();
        }, { group: test.group }),
      );
      const publishes: Promise<void>[] = [];
      for (let sequence = 1; sequence <= eventsPerCall; sequence += 1) {
        for (let call = 0; call < calls; call += 1) publishes.push(subject.bus.publish('call.audio.in', audio(test.callId(call), sequence)));
      }
      await Promise.all(publishes);
      const items = await received.atLeast(calls * eventsPerCall, 'audio chunks');
      assert.deepEqual(jumps, [], 'a message arrived before an earlier one of its call');
      for (let call = 0; call < calls; call += 1) {
        const sequences = items.filter((item) => item.key === test.callId(call)).map((item) => item.sequence);
        assert.deepEqual(sequences, Array.from({ length: eventsPerCall }, (_, index) => index + 1), `order of call ${call}`);
      }
    });

    it('redelivers after a retry outcome, then moves on to the next message of the call', async () => {
      const test = scope('retry');
      const seen = new Collector<{ digit: string; attempt: number }>();
      subscriptions.push(
        await subject.bus.subscribe('call.control', async (delivery) => {
          if (!test.owns(delivery.key)) return Outcome.ok();
          const digit = delivery.message.action.case === 'dtmfReceived' ? delivery.message.action.value.digit : '';
          seen.push({ digit, attempt: delivery.attempt });
          return digit === '1' && delivery.attempt === 1 ? Outcome.retry('database busy') : Outcome.ok();
        }, { group: test.group, retry: FAST_RETRY }),
      );
      await subject.bus.publish('call.control', control(test.callId(), '1'));
      await subject.bus.publish('call.control', control(test.callId(), '2'));
      const items = await seen.atLeast(3, 'attempts');
      assert.deepEqual(items.slice(0, 3), [
        { digit: '1', attempt: 1 },
        { digit: '1', attempt: 2 },
        { digit: '2', attempt: 1 },
      ]);
    });

    it('treats a throwing handler as a retry', async () => {
      const test = scope('throw');
      const attempts = new Collector<number>();
      subscriptions.push(
        await subject.bus.subscribe('call.control', async (delivery) => {
          if (!test.owns(delivery.key)) return Outcome.ok();
          attempts.push(delivery.attempt);
          if (delivery.attempt === 1) throw new Error('bug on first attempt');
          return Outcome.ok();
        }, { group: test.group, retry: FAST_RETRY }),
      );
      await subject.bus.publish('call.control', control(test.callId()));
      assert.deepEqual(await attempts.atLeast(2, 'attempts'), [1, 2]);
    });

    it('dead-letters with the reason and the original bytes when the handler says so', async () => {
      const test = scope('dead');
      const deadLetters = await collectDeadLetters(test);
      subscriptions.push(
        await subject.bus.subscribe('call.control', async (delivery) =>
          test.owns(delivery.key) ? Outcome.deadLetter('unknown call') : Outcome.ok(),
        { group: test.group }),
      );
      await subject.bus.publish('call.control', control(test.callId(), '9'));
      const [deadLetter] = await deadLetters.atLeast(1, 'dead letters');
      assert.ok(deadLetter);
      assert.equal(deadLetter.reason, 'unknown call');
      assert.equal(deadLetter.sourceTopic, 'call.control');
      assert.equal(deadLetter.group, test.group);
      assert.equal(deadLetter.attempts, 1);
      const original = decodeMessage('call.control', deadLetter.payload);
      assert.equal(original.callId, test.callId());
      assert.equal(original.action.case === 'dtmfReceived' ? original.action.value.digit : '', '9');
    });

    it('dead-letters once retries are exhausted', async () => {
      const test = scope('exhaust');
      const attempts = new Collector<number>();
      const deadLetters = await collectDeadLetters(test);
      subscriptions.push(
        await subject.bus.subscribe('call.control', async (delivery) => {
          if (!test.owns(delivery.key)) return Outcome.ok();
          attempts.push(delivery.attempt);
          return Outcome.retry('provider down');
        }, { group: test.group, retry: FAST_RETRY }),
      );
      await subject.bus.publish('call.control', control(test.callId()));
      const [deadLetter] = await deadLetters.atLeast(1, 'dead letters');
      assert.deepEqual(attempts.items, [1, 2, 3]);
      assert.ok(deadLetter);
      assert.equal(deadLetter.attempts, 3);
      assert.match(deadLetter.reason, /retries exhausted after 3 attempts: provider down/);
    });

    it('dead-letters a message that does not decode and keeps consuming', async () => {
      const test = scope('poison');
      const handled = new Collector<string>();
      const deadLetters = await collectDeadLetters(test);
      subscriptions.push(
        await subject.bus.subscribe('call.control', async (delivery) => {
          if (test.owns(delivery.key)) handled.push(delivery.message.callId);
          return Outcome.ok();
        }, { group: test.group }),
      );
      const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]);
      await subject.appendRaw('call.control', test.callId(), garbage);
      await subject.bus.publish('call.control', control(test.callId()));
      const [deadLetter] = await deadLetters.atLeast(1, 'dead letters');
      assert.ok(deadLetter);
      assert.match(deadLetter.reason, /^undecodable: /);
      assert.deepEqual([...deadLetter.payload], [...garbage]);
      assert.deepEqual(await handled.atLeast(1, 'handled messages'), [test.callId()]);
    });

    it('continues the producer trace in the consumer', async () => {
      const test = scope('trace');
      const seen = new Collector<{ traceId: string; spanId: string }>();
      subscriptions.push(
        await subject.bus.subscribe('call.control', async (delivery) => {
          const active = trace.getActiveSpan();
          if (test.owns(delivery.key) && active) {
            seen.push({ traceId: active.spanContext().traceId, spanId: active.spanContext().spanId });
          }
          return Outcome.ok();
        }, { group: test.group }),
      );
      const tracer = trace.getTracer('conformance');
      const rootTraceId = await tracer.startActiveSpan('caller places a call', async (root) => {
        await subject.bus.publish('call.control', control(test.callId()));
        root.end();
        return root.spanContext().traceId;
      });
      const [consumerSide] = await seen.atLeast(1, 'traced deliveries');
      assert.ok(consumerSide);
      assert.equal(consumerSide.traceId, rootTraceId);
      const finishedSpan = (name: string) =>
        waitFor(
          () => spans.getFinishedSpans().find((span) => span.name === name && span.spanContext().traceId === rootTraceId),
          { timeoutMs: 5_000, description: `span "${name}" exported` },
        );
      const producer = await finishedSpan('send call.control');
      const consumer = await finishedSpan('process call.control');
      assert.ok(producer, 'producer span exported');
      assert.ok(consumer, 'consumer span exported');
      assert.equal(consumer.parentSpanContext?.spanId, producer.spanContext().spanId);
    });

    it('gives every group every message and shares one group between its members', async () => {
      const test = scope('groups');
      const other = await subject.another();
      try {
        const groupA = new Collector<string>();
        const groupB = new Collector<string>();
        const record = (collector: Collector<string>, member: string) =>
          async (delivery: Delivery<'call.control'>) => {
            if (test.owns(delivery.key)) collector.push(`${member}:${delivery.key}`);
            return Outcome.ok();
          };
        subscriptions.push(await subject.bus.subscribe('call.control', record(groupA, 'a1'), { group: `${test.group}-a` }));
        subscriptions.push(await other.subscribe('call.control', record(groupA, 'a2'), { group: `${test.group}-a` }));
        subscriptions.push(await subject.bus.subscribe('call.control', record(groupB, 'b1'), { group: `${test.group}-b` }));
        const calls = 24;
        await Promise.all(Array.from({ length: calls }, (_, index) => subject.bus.publish('call.control', control(test.callId(index)))));
        const a = await groupA.atLeast(calls, 'group A deliveries');
        const b = await groupB.atLeast(calls, 'group B deliveries');
        const keysOf = (items: string[]) => items.map((item) => item.split(':')[1]).sort();
        const expected = Array.from({ length: calls }, (_, index) => test.callId(index)).sort();
        assert.deepEqual(keysOf(b), expected, 'group B saw every call once');
        assert.deepEqual(keysOf(a), expected, 'group A saw every call once across its two members');
      } finally {
        await other.close();
      }
    });

    it('keeps one group name used on two topics apart: each subscription gets all of its topic', async () => {
      const test = scope('group-topics');
      const other = await subject.another();
      try {
        const controls = new Collector<string>();
        subscriptions.push(await subject.bus.subscribe('call.control', async (delivery) => {
          if (test.owns(delivery.key)) controls.push(delivery.key);
          return Outcome.ok();
        }, { group: test.group }));
        const lifecycleSubscription = await other.subscribe('call.lifecycle', async () => Outcome.ok(), { group: test.group });
        const calls = 24;
        await Promise.all(Array.from({ length: calls }, (_, index) => subject.bus.publish('call.control', control(test.callId(index)))));
        const received = await controls.atLeast(calls, 'call.control deliveries');
        assert.deepEqual([...new Set(received)].sort(), Array.from({ length: calls }, (_, index) => test.callId(index)).sort());
        await lifecycleSubscription.close();
      } finally {
        await other.close();
      }
    });

    it('starts a new group at the end of the topic when asked', async () => {
      const test = scope('start-at');
      const fromLatest = new Collector<string>();
      const fromEarliest = new Collector<string>();
      const collect = (collector: Collector<string>) => async (delivery: Delivery<'call.control'>) => {
        if (test.owns(delivery.key)) collector.push(delivery.key);
        return Outcome.ok();
      };
      subscriptions.push(await subject.bus.subscribe('call.control', collect(fromEarliest), { group: `${test.group}-earliest` }));
      await subject.bus.publish('call.control', control(test.callId(0)));
      subscriptions.push(await subject.bus.subscribe('call.control', collect(fromLatest), { group: `${test.group}-latest`, startAt: 'latest' }));
      await subject.bus.publish('call.control', control(test.callId(1)));
      assert.deepEqual([...(await fromEarliest.atLeast(2, 'deliveries from the beginning'))].sort(), [test.callId(0), test.callId(1)]);
      assert.deepEqual(await fromLatest.atLeast(1, 'deliveries from the end'), [test.callId(1)]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(fromLatest.items, [test.callId(1)], 'nothing published before it joined');
    });

    it('refuses to publish once closed', async () => {
      const closing = await subject.another();
      await closing.close();
      await assert.rejects(closing.publish('call.control', control(scope('closed').callId())), /closed/);
      assert.equal((await closing.checkHealth()).ok, false);
    });
  });
}
