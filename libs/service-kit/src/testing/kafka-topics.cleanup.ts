import { Kafka, logLevel } from 'kafkajs';
import { testInfra } from '@va/testing';

/** Deletes the topics a test run created under its unique prefix. */
export async function deleteTopicsWithPrefix(prefix: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'va-test-cleanup',
    brokers: [...testInfra.kafkaBrokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
