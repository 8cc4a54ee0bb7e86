import { setTimeout as sleep } from 'node:timers/promises';
import { deadLetterTopicOf, TOPIC_NAMES, topics, type MessageInit, type TopicName } from '@va/contracts';
import type { Logger } from '@va/observability';
import {
  DEFAULT_RETRY_POLICY,
  type Bus,
  type BusHealth,
  type DeadLetterHandler,
  type Handler,
  type SubscribeOptions,
  type Subscription,
} from '../bus';
import type { InMemoryBusOptions } from '../bus.factories';
import { createBusMetrics, type BusMetrics } from '../frame/bus.metrics';
import { processDelivery } from '../frame/consumer.frame';
import { deadLetterHeaders, readDeadLetter, type DeadLetterRecord } from '../frame/dead-letter.headers';
import { KeyedSequencer } from '../frame/keyed-sequencer';
import { publishThroughFrame } from '../frame/publish.frame';
import type { MessageHeaders } from '../frame/trace-headers';
import type { GroupMember } from './consumer-group';
import { InMemoryBroker } from './in-memory.broker';

/**
 * The embedded-mode bus: the same contract as Kafka (explicit topics, keyed partitions, group
 * offsets committed after handling, in-place retries, dead-letter topics) in one process.
 * Messages are encoded to protobuf bytes and decoded again, so the wire contract is exercised.
 */
export class InMemoryBus implements Bus {
  readonly broker: InMemoryBroker;
  private readonly metrics: BusMetrics;
  private readonly logger: Logger;
  private readonly sequencer = new KeyedSequencer();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(options: InMemoryBusOptions) {
    this.logger = options.logger.child({ component: 'in-memory-bus' });
    this.metrics = createBusMetrics(options.metrics);
    this.broker = options.broker ?? new InMemoryBroker();
  }

  async ensureTopics(): Promise<void> {
    for (const name of TOPIC_NAMES) {
      this.broker.createTopic(name, topics[name].partitions);
      this.broker.createTopic(deadLetterTopicOf(name), topics[name].partitions);
    }
  }

  async publish<T extends TopicName>(topic: T, message: MessageInit<T>): Promise<void> {
    this.assertOpen();
    await publishThroughFrame(topic, message, this.metrics, (outgoing) =>
      this.sequencer.run(`${topic}/${outgoing.key}`, async () => {
        this.broker.append(topic, outgoing.key, outgoing.value, outgoing.headers);
      }),
    );
  }

  /** Test support: appends bytes as they are, bypassing encoding (an undecodable message). */
  appendRaw(topic: TopicName, key: string, value: Uint8Array, headers: MessageHeaders = {}): void {
    this.assertOpen();
    this.broker.append(topic, key, value, headers);
  }

  async subscribe<T extends TopicName>(topic: T, handler: Handler<T>, options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const retry = options.retry ?? DEFAULT_RETRY_POLICY;
    const logger = this.logger.child({ topic, group: options.group });
    return this.join(topic, options.group, (isStopping) => ({
      isClosing: isStopping,
      deliver: (record, partition, offset) =>
        processDelivery(
          { topic, key: record.key, value: record.value, headers: record.headers, partition, offset: String(offset) },
          {
            group: options.group,
            handler,
            retry,
            logger,
            metrics: this.metrics,
            deadLetter: async (deadLetter) => this.appendDeadLetter(deadLetter),
            isStopping,
            pause: (delayMs) => sleep(delayMs),
          },
        ),
    }), options.startAt);
  }

  async subscribeDeadLetters(topic: TopicName, handler: DeadLetterHandler, options: { readonly group: string }): Promise<Subscription> {
    this.assertOpen();
    return this.join(deadLetterTopicOf(topic), options.group, (isStopping) => ({
      isClosing: isStopping,
      deliver: async (record) => {
        await handler(readDeadLetter(record.key, record.value, record.headers));
        return 'done';
      },
    }));
  }

  async checkHealth(): Promise<BusHealth> {
    return this.closed
      ? { ok: false, detail: 'in-memory bus closed' }
      : { ok: true, detail: `in-memory bus, ${this.broker.topicCount} topics` };
  }

  /** Closes this client's subscriptions; the broker (shared by other clients) stays. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sequencer.drain();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  private appendDeadLetter(record: DeadLetterRecord): void {
    this.broker.append(deadLetterTopicOf(record.sourceTopic), record.key, record.payload, deadLetterHeaders(record));
  }

  /** Joins a group with a member that tracks its in-flight deliveries, so close() can wait for them. */
  private join(topic: string, group: string, makeMember: (isStopping: () => boolean) => GroupMember, startAt?: 'earliest' | 'latest'): Subscription {
    let closing = false;
    const isStopping = (): boolean => closing || this.closed;
    const member = makeMember(isStopping);
    const inFlight = new Set<Promise<unknown>>();
    const leave = this.broker.join(topic, group, {
      isClosing: isStopping,
      deliver: (record, partition, offset) => {
        const delivery = member.deliver(record, partition, offset);
        const settled: Promise<unknown> = delivery.catch(() => undefined).finally(() => inFlight.delete(settled));
        inFlight.add(settled);
        return delivery;
      },
    }, startAt);
    const subscription: Subscription = {
      close: async () => {
        closing = true;
        leave();
        this.subscriptions.delete(subscription);
        await Promise.all([...inFlight]);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('bus is closed');
  }
}

export function createInMemoryBus(options: InMemoryBusOptions): InMemoryBus {
  return new InMemoryBus(options);
}
