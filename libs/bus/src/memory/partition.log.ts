import type { MessageHeaders } from '../frame/trace-headers';

export interface StoredRecord {
  readonly key: string;
  readonly value: Uint8Array;
  readonly headers: Readonly<MessageHeaders>;
}

/**
 * One partition of an in-memory topic: an append-only log with absolute offsets. Records that
 * every consumer group has committed past are trimmed, so a long-running embedded process does
 * not keep every audio chunk forever.
 */
export class PartitionLog {
  private baseOffset = 0;
  private readonly records: StoredRecord[] = [];
  private waiters: Array<() => void> = [];

  get endOffset(): number {
    return this.baseOffset + this.records.length;
  }

  append(record: StoredRecord): number {
    this.records.push(record);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    return this.endOffset - 1;
  }

  /** The record at `offset`, or undefined when it is not written yet (or already trimmed). */
  read(offset: number): StoredRecord | undefined {
    return this.records[offset - this.baseOffset];
  }

  /** The first offset still held; a group that committed less starts here. */
  get firstOffset(): number {
    return this.baseOffset;
  }

  /** Resolves when a record is appended (or at once when `offset` is already written). */
  waitFor(offset: number): Promise<void> {
    if (offset < this.endOffset) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Drops records below `offset`. */
  trimBelow(offset: number): void {
    const count = Math.min(offset - this.baseOffset, this.records.length);
    if (count <= 0) return;
    this.records.splice(0, count);
    this.baseOffset += count;
  }
}

/** Stable key → partition mapping (FNV-1a), so one key always lands on one partition. */
export function partitionForKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
