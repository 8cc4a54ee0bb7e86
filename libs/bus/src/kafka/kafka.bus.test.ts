import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { requireKafka, testInfra, uniqueTopicPrefix } from '@va/testing';
import { runBusConformance } from '../conformance/bus.conformance';
import { RecordingLogger } from '../conformance/recording.logger';
import { createKafkaBus } from './kafka.bus';
import { plannedTopics } from './kafka.topics';

runBusConformance('kafka', async () => {
  await requireKafka();
  const logger = new RecordingLogger();
  const topicPrefix = uniqueTopicPrefix('conformance');
  const open = () => createKafkaBus({ logger, brokers: testInfra.kafkaBrokers, clientId: 'conformance', topicPrefix });
  const bus = open();
  const raw = new Kafka({ clientId: 'conformance-raw', brokers: [...testInfra.kafkaBrokers], logLevel: logLevel.NOTHING });
  const producer = raw.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  return {
    bus,
    appendRaw: async (topic, key, value) => {
      await producer.send({ topic: topicPrefix + topic, acks: -1, messages: [{ key, value: Buffer.from(value) }] });
    },
    another: async () => open(),
    dispose: async () => {
      await bus.close();
      await producer.disconnect();
      const admin = raw.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: plannedTopics(topicPrefix).map((topic) => topic.name) });
      await admin.disconnect();
    },
  };
});

describe('kafka topic creation', () => {
  it('lets several services create the same topics at the same moment', async () => {
    await requireKafka();
    const topicPrefix = uniqueTopicPrefix('race');
    const buses = Array.from({ length: 4 }, (_, index) =>
      createKafkaBus({ logger: new RecordingLogger(), brokers: testInfra.kafkaBrokers, clientId: `racer-${index}`, topicPrefix }),
    );
    try {
      await Promise.all(buses.map((bus) => bus.ensureTopics()));
      const admin = new Kafka({ clientId: 'race-check', brokers: [...testInfra.kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const existing = new Set(await admin.listTopics());
        for (const topic of plannedTopics(topicPrefix)) assert.ok(existing.has(topic.name), `${topic.name} exists`);
        await admin.deleteTopics({ topics: plannedTopics(topicPrefix).map((topic) => topic.name) });
      } finally {
        await admin.disconnect();
      }
    } finally {
      await Promise.all(buses.map((bus) => bus.close()));
    }
  });
});
