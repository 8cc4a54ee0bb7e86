import { setTimeout as sleep } from 'node:timers/promises';
import type { FrameResult } from '../frame/consumer.frame';
import type { PartitionLog, StoredRecord } from './partition.log';

/** A member of a group: delivers one record, and says when it is leaving. */
export interface GroupMember {
  deliver(record: StoredRecord, partition: number, offset: number): Promise<FrameResult>;
  readonly isClosing: () => boolean;
}

const REDELIVERY_DELAY_MS = 20;

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * In-memory consumer group over one topic: one worker per partition, each record delivered to
 * the member that owns the partition now (partition index modulo member count), offsets
 * committed only after a `done` result. A member that leaves mid-delivery leaves the record
 * uncommitted, and it goes to the next owner, as on a Kafka rebalance.
 */
export class ConsumerGroup {
  private readonly members: GroupMember[] = [];
  private readonly committed: number[];
  private stopped = false;
  private readonly workers: Promise<void>[];
  private membershipChanged: { promise: Promise<void>; resolve: () => void } = signal();

  constructor(
    private readonly logs: readonly PartitionLog[],
    private readonly onCommitted: (partition: number) => void,
    startAt: 'earliest' | 'latest' = 'earliest',
  ) {
    this.committed = logs.map((log) => (startAt === 'latest' ? log.endOffset : log.firstOffset));
    this.workers = logs.map((_, partition) => this.work(partition));
  }

  join(member: GroupMember): void {
    this.members.push(member);
    this.wake();
  }

  leave(member: GroupMember): void {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    this.wake();
  }

  get memberCount(): number {
    return this.members.length;
  }

  committedOffset(partition: number): number {
    return this.committed[partition] ?? 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await Promise.all(this.workers);
  }

  private wake(): void {
    for (const log of this.logs) log.wakeAll();
    this.membershipChanged.resolve();
    this.membershipChanged = signal();
  }

  private ownerOf(partition: number): GroupMember | undefined {
    const active = this.members.filter((member) => !member.isClosing());
    if (active.length === 0) return undefined;
    return active[partition % active.length];
  }

  private async work(partition: number): Promise<void> {
    const log = this.logs[partition];
    if (log === undefined) return;
    while (!this.stopped) {
      const offset = Math.max(this.committed[partition] ?? 0, log.firstOffset);
      const record = log.read(offset);
      const owner = this.ownerOf(partition);
      if (record === undefined || owner === undefined) {
        // Waiting on promises only (no timers), so an idle group never keeps the process alive.
        await (record === undefined ? log.waitFor(offset) : this.membershipChanged.promise);
        continue;
      }
      let result: FrameResult;
      try {
        result = await owner.deliver(record, partition, offset);
      } catch {
        // The frame could not finish (for example the dead-letter write failed): leave the
        // offset where it is and deliver again shortly, as Kafka would after a consumer restart.
        result = 'abandoned';
        await sleep(REDELIVERY_DELAY_MS);
      }
      if (result === 'done') {
        this.committed[partition] = offset + 1;
        this.onCommitted(partition);
      }
    }
  }
}
