import type { Admin } from 'kafkajs';
import { deadLetterTopicOf, TOPIC_NAMES, topics } from '@va/contracts';

export interface TopicPlan {
  readonly name: string;
  readonly partitions: number;
}

/** Every topic of the map and its dead-letter companion, with the prefix applied. */
export function plannedTopics(prefix: string): TopicPlan[] {
  return TOPIC_NAMES.flatMap((name) => [
    { name: `${prefix}${name}`, partitions: topics[name].partitions },
    { name: `${prefix}${deadLetterTopicOf(name)}`, partitions: topics[name].partitions },
  ]);
}

/**
 * Creates the missing topics and checks that the existing ones have at least the planned
 * partitions (fewer would silently break per-call ordering assumptions).
 */
export async function createTopics(admin: Admin, plan: readonly TopicPlan[], replicationFactor: number): Promise<number> {
  const existing = new Set(await admin.listTopics());
  const missing = plan.filter((topic) => !existing.has(topic.name));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic: topic.name, numPartitions: topic.partitions, replicationFactor })),
    });
  }
  const present = plan.filter((topic) => existing.has(topic.name));
  if (present.length > 0) {
    const metadata = await admin.fetchTopicMetadata({ topics: present.map((topic) => topic.name) });
    for (const topic of present) {
      const found = metadata.topics.find((entry) => entry.name === topic.name);
      if (found !== undefined && found.partitions.length < topic.partitions) {
        throw new Error(`topic ${topic.name} has ${found.partitions.length} partitions, expected ${topic.partitions}`);
      }
    }
  }
  return missing.length;
}
