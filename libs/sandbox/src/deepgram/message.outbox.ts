import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultPlan } from '../stand-in/fault.plan';

/** Where an outbox delivers: one text frame, dropping the connection, whether it is still open. */
export interface OutboxTransport {
  /** Resolves once the frame was handed to the network. */
  send(text: string): Promise<void>;
  drop(): void;
  isOpen(): boolean;
}

/**
 * The server → client text messages of one live connection, in order, under the connection's
 * fault plan: every message waits `firstByteDelayMs` (the processing latency), consecutive
 * messages are at least `chunkIntervalMs` apart, `silence`/`hang` withhold everything, and
 * `disconnect` drops the connection once `afterChunks` messages went out.
 */
export class MessageOutbox {
  private chain: Promise<void> = Promise.resolve();
  private sent = 0;
  private withheld = 0;
  private lastSentAtMs = 0;
  private readonly abort = new AbortController();

  constructor(
    private readonly plan: FaultPlan,
    private readonly transport: OutboxTransport,
  ) {}

  get sentCount(): number {
    return this.sent;
  }

  get withheldCount(): number {
    return this.withheld;
  }

  enqueue(text: string, onSent?: () => void): void {
    const { fault } = this.plan;
    if (fault.kind === 'silence' || fault.kind === 'hang') {
      this.withheld += 1;
      return;
    }
    const dueAtMs = Date.now() + this.plan.firstByteDelayMs;
    this.chain = this.chain.then(() => this.deliver(text, dueAtMs, onSent));
  }

  /** Resolves once everything enqueued so far was sent, withheld or dropped. */
  drained(): Promise<void> {
    return this.chain;
  }

  /** The connection is gone: pending messages are discarded. */
  cancel(): void {
    this.abort.abort();
  }

  private async deliver(text: string, dueAtMs: number, onSent: (() => void) | undefined): Promise<void> {
    if (this.abort.signal.aborted) return;
    const spacedAtMs = this.sent > 0 ? this.lastSentAtMs + this.plan.chunkIntervalMs : 0;
    const waitMs = Math.max(dueAtMs, spacedAtMs) - Date.now();
    if (waitMs > 0) {
      try {
        await sleep(waitMs, undefined, { signal: this.abort.signal });
      } catch {
        return;
      }
    }
    if (this.abort.signal.aborted || !this.transport.isOpen()) return;
    if (this.disconnectDue()) return this.drop();
    await this.transport.send(text);
    this.sent += 1;
    this.lastSentAtMs = Date.now();
    onSent?.();
    if (this.disconnectDue()) this.drop();
  }

  private disconnectDue(): boolean {
    const { fault } = this.plan;
    return fault.kind === 'disconnect' && this.sent >= fault.afterChunks;
  }

  private drop(): void {
    this.abort.abort();
    this.transport.drop();
  }
}
