import { setTimeout as sleep } from 'node:timers/promises';
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
    // kafkajs's own waitForLeaders gives up on metadata that lags behind the creation (for
    // example while other services create topics at the same moment); waitUntilLed retries.
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((topic) => ({ topic: topic.name, numPartitions: topic.partitions, replicationFactor })),
    });
    await waitUntilLed(admin, missing.map((topic) => topic.name));
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

const LEADER_WAIT_MS = 30_000;
const LEADER_POLL_MS = 100;

/** Resolves once every partition of the topics has a leader; metadata errors meanwhile are retried. */
async function waitUntilLed(admin: Admin, names: readonly string[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  let lastProblem = 'no metadata yet';
  while (Date.now() < deadline) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...names] });
      const leaderless = metadata.topics.filter((topic) => topic.partitions.length === 0 || topic.partitions.some((partition) => partition.leader < 0));
      if (leaderless.length === 0 && metadata.topics.length === names.length) return;
      lastProblem = `${leaderless.length} topic(s) without leaders`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(LEADER_POLL_MS);
  }
  throw new Error(`topics were created but did not get leaders within ${LEADER_WAIT_MS} ms: ${lastProblem}`);
}
