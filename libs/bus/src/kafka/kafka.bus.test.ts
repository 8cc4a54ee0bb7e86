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
