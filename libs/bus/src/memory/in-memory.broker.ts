import type { MessageHeaders } from '../frame/trace-headers';
import { ConsumerGroup, type GroupMember } from './consumer-group';
import { PartitionLog, partitionForKey, type StoredRecord } from './partition.log';

interface BrokerTopic {
  readonly logs: readonly PartitionLog[];
  readonly groups: Map<string, ConsumerGroup>;
}

/**
 * The shared state of the embedded mode's bus: topics as partitioned logs and consumer groups
 * with committed offsets. Each service holds its own InMemoryBus client over one broker, as
 * each would hold its own Kafka client over one cluster.
 */
export class InMemoryBroker {
  private readonly topics = new Map<string, BrokerTopic>();

  get topicCount(): number {
    return this.topics.size;
  }

  createTopic(name: string, partitions: number): void {
    if (this.topics.has(name)) return;
    const logs = Array.from({ length: partitions }, () => new PartitionLog());
    this.topics.set(name, { logs, groups: new Map() });
  }

  append(topic: string, key: string, value: Uint8Array, headers: Readonly<MessageHeaders>): void {
    const entry = this.topicEntry(topic);
    const record: StoredRecord = { key, value: value.slice(), headers: { ...headers } };
    const log = entry.logs[partitionForKey(key, entry.logs.length)];
    if (log === undefined) throw new Error(`topic ${topic} has no partitions`);
    log.append(record);
  }

  /** Adds a member to the topic's group (created on first join); returns its leave function. */
  join(topic: string, groupName: string, member: GroupMember, startAt: 'earliest' | 'latest' = 'earliest'): () => void {
    const entry = this.topicEntry(topic);
    let group = entry.groups.get(groupName);
    if (group === undefined) {
      group = new ConsumerGroup(entry.logs, (partition) => this.trim(entry, partition), startAt);
      entry.groups.set(groupName, group);
    }
    const joined = group;
    joined.join(member);
    return () => joined.leave(member);
  }

  async stop(): Promise<void> {
    const groups = [...this.topics.values()].flatMap((entry) => [...entry.groups.values()]);
    await Promise.all(groups.map((group) => group.stop()));
  }

  private topicEntry(name: string): BrokerTopic {
    const entry = this.topics.get(name);
    if (entry === undefined) {
      throw new Error(`topic ${name} does not exist: topics are created by ensureTopics(), never on first use`);
    }
    return entry;
  }

  /** Drops the partition's records that every group of the topic has committed (on each commit, so one partition). */
  private trim(entry: BrokerTopic, partition: number): void {
    const log = entry.logs[partition];
    if (log === undefined) return;
    let lowest = Number.POSITIVE_INFINITY;
    for (const group of entry.groups.values()) lowest = Math.min(lowest, group.committedOffset(partition));
    if (Number.isFinite(lowest)) log.trimBelow(lowest);
  }
}
