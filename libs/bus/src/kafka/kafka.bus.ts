import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, Partitioners, type Admin, type Consumer, type Producer } from 'kafkajs';
import { deadLetterTopicOf, type MessageInit, type TopicName } from '@va/contracts';
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
import type { KafkaBusOptions } from '../bus.factories';
import { createBusMetrics, type BusMetrics } from '../frame/bus.metrics';
import { processDelivery } from '../frame/consumer.frame';
import { deadLetterHeaders, readDeadLetter, type DeadLetterRecord } from '../frame/dead-letter.headers';
import { KeyedSequencer } from '../frame/keyed-sequencer';
import { publishThroughFrame } from '../frame/publish.frame';
import { headersFromKafka } from './kafka.headers';
import { KAFKA_SETTINGS } from './kafka.settings';
import { createTopics, plannedTopics } from './kafka.topics';
import { kafkaLogCreator } from './kafkajs.log-creator';
import { ProduceBatcher } from './produce.batcher';

/** acks=-1: a publish resolves once every in-sync replica has the message. */
const ALL_IN_SYNC_REPLICAS = -1;

/**
 * The distributed-mode bus over kafkajs. Publishes resolve on acknowledgement by all in-sync
 * replicas; consumers commit offsets only after the frame has finished a message, so a crash
 * redelivers instead of losing (handlers are idempotent).
 */
export class KafkaBus implements Bus {
  private readonly kafka: Kafka;
  private readonly logger: Logger;
  private readonly metrics: BusMetrics;
  private readonly prefix: string;
  private readonly sequencer = new KeyedSequencer();
  private readonly batcher = new ProduceBatcher(() => this.connectedProducer(), ALL_IN_SYNC_REPLICAS);
  private readonly consumers = new Set<Consumer>();
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;
  private closed = false;

  constructor(options: KafkaBusOptions) {
    this.logger = options.logger.child({ component: 'kafka-bus' });
    this.metrics = createBusMetrics(options.metrics);
    this.prefix = options.topicPrefix ?? '';
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: KAFKA_SETTINGS.connectionTimeoutMs,
      requestTimeout: KAFKA_SETTINGS.requestTimeoutMs,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(this.logger),
    });
  }

  async ensureTopics(): Promise<void> {
    const admin = await this.connectedAdmin();
    const created = await createTopics(admin, plannedTopics(this.prefix), KAFKA_SETTINGS.replicationFactor);
    this.logger.info('topics ensured', { created, prefix: this.prefix });
  }

  async publish<T extends TopicName>(topic: T, message: MessageInit<T>): Promise<void> {
    this.assertOpen();
    await publishThroughFrame(topic, message, this.metrics, (outgoing) =>
      this.sequencer.run(`${topic}/${outgoing.key}`, () =>
        this.batcher.send(this.prefix + topic, { key: outgoing.key, value: Buffer.from(outgoing.value), headers: outgoing.headers }),
      ),
    );
  }

  async subscribe<T extends TopicName>(topic: T, handler: Handler<T>, options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const retry = options.retry ?? DEFAULT_RETRY_POLICY;
    const logger = this.logger.child({ topic, group: options.group });
    // Committing the end offsets before the consumer joins makes `latest` exact: a consumer
    // left to resolve `latest` itself would skip what is published while it joins.
    if (options.startAt === 'latest') await this.commitEndOffsets(this.prefix + topic, options.group);
    const consumer = await this.startConsumer(this.prefix + topic, options.group);
    let closing = false;
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: KAFKA_SETTINGS.autoCommitIntervalMs,
      autoCommitThreshold: KAFKA_SETTINGS.autoCommitThreshold,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: KAFKA_SETTINGS.partitionsConsumedConcurrently,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
        const stopping = (): boolean => closing || !isRunning() || isStale();
        for (const message of batch.messages) {
          if (stopping()) return;
          const result = await processDelivery(
            {
              topic,
              key: message.key?.toString() ?? '',
              value: message.value ?? new Uint8Array(),
              headers: headersFromKafka(message.headers),
              partition: batch.partition,
              offset: message.offset,
            },
            {
              group: options.group,
              handler,
              retry,
              logger,
              metrics: this.metrics,
              deadLetter: (record) => this.sendDeadLetter(record),
              isStopping: stopping,
              pause: (delayMs) => this.pauseWithHeartbeat(delayMs, heartbeat),
            },
          );
          if (result === 'abandoned') return;
          resolveOffset(message.offset);
          await commitOffsetsIfNecessary();
          await heartbeat();
        }
      },
    });
    return this.subscriptionOf(consumer, () => {
      closing = true;
    });
  }

  async subscribeDeadLetters(topic: TopicName, handler: DeadLetterHandler, options: { readonly group: string }): Promise<Subscription> {
    this.assertOpen();
    const consumer = await this.startConsumer(this.prefix + deadLetterTopicOf(topic), options.group);
    await consumer.run({
      eachMessage: async ({ message }) => {
        await handler(readDeadLetter(message.key?.toString() ?? '', message.value ?? new Uint8Array(), headersFromKafka(message.headers)));
      },
    });
    return this.subscriptionOf(consumer, () => undefined);
  }

  async checkHealth(): Promise<BusHealth> {
    if (this.closed) return { ok: false, detail: 'kafka bus closed' };
    try {
      const admin = await this.connectedAdmin();
      const cluster = await withTimeout(admin.describeCluster(), KAFKA_SETTINGS.healthTimeoutMs);
      return { ok: cluster.brokers.length > 0, detail: `${cluster.brokers.length} broker(s), controller ${cluster.controller ?? 'none'}` };
    } catch (error) {
      this.admin = undefined;
      return { ok: false, detail: `kafka unreachable: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect().catch(() => undefined)));
    this.consumers.clear();
    await this.sequencer.drain();
    const [producer, admin] = [this.producer, this.admin];
    await Promise.all([
      producer?.then((connected) => connected.disconnect()).catch(() => undefined),
      admin?.then((connected) => connected.disconnect()).catch(() => undefined),
    ]);
  }

  private async commitEndOffsets(topicName: string, group: string): Promise<void> {
    const admin = await this.connectedAdmin();
    // Right after ensureTopics the partitions may still be electing leaders ("not the leader"):
    // a retriable error is retried with a short back-off.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const ends = await admin.fetchTopicOffsets(topicName);
        await admin.setOffsets({ groupId: this.groupIdFor(group, topicName), topic: topicName, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
        return;
      } catch (error) {
        const retriable = (error as { retriable?: unknown }).retriable === true;
        if (!retriable || attempt >= KAFKA_SETTINGS.endOffsetsAttempts) throw error;
        await sleep(KAFKA_SETTINGS.endOffsetsRetryDelayMs * attempt);
      }
    }
  }

  /**
   * The Kafka group of one (group, topic) subscription. Namespaced by the topic prefix, so runs
   * with different prefixes never share a group, and by the topic, because kafkajs spreads a
   * group's partitions over its members whatever each subscribed to: a service using one group
   * name for two topics would otherwise leave some partitions of each with a member that never
   * reads them (the in-memory broker keeps groups per topic too).
   */
  private groupIdFor(group: string, prefixedTopic: string): string {
    return `${this.prefix}${group}:${prefixedTopic.slice(this.prefix.length)}`;
  }

  private async startConsumer(topicName: string, group: string): Promise<Consumer> {
    const consumer = this.kafka.consumer({
      groupId: this.groupIdFor(group, topicName),
      sessionTimeout: KAFKA_SETTINGS.sessionTimeoutMs,
      heartbeatInterval: KAFKA_SETTINGS.heartbeatIntervalMs,
      rebalanceTimeout: KAFKA_SETTINGS.rebalanceTimeoutMs,
      allowAutoTopicCreation: false,
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.logger.error('kafka consumer crashed', { group, topic: topicName, restart: event.payload.restart, error: event.payload.error });
    });
    await consumer.connect();
    this.consumers.add(consumer);
    await consumer.subscribe({ topic: topicName, fromBeginning: true });
    return consumer;
  }

  private subscriptionOf(consumer: Consumer, markClosing: () => void): Subscription {
    return {
      close: async () => {
        markClosing();
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  private async sendDeadLetter(record: DeadLetterRecord): Promise<void> {
    await this.batcher.send(this.prefix + deadLetterTopicOf(record.sourceTopic), {
      key: record.key,
      value: Buffer.from(record.payload),
      headers: deadLetterHeaders(record),
    });
  }

  /** Waits out a back-off while heartbeating, so a long retry does not cost the partition. */
  private async pauseWithHeartbeat(delayMs: number, heartbeat: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + delayMs;
    while (Date.now() < deadline) {
      await sleep(Math.min(KAFKA_SETTINGS.heartbeatIntervalMs, deadline - Date.now()));
      await heartbeat();
    }
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: KAFKA_SETTINGS.producerRetries },
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('bus is closed');
  }
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createKafkaBus(options: KafkaBusOptions): KafkaBus {
  return new KafkaBus(options);
}

