import { performance } from 'node:perf_hooks';

/** Time for the ticker: a monotonic clock and one-shot timers (fakes in tests). */
export interface TickerClock {
  now(): number;
  /** Runs `callback` after `delayMs`; the returned function cancels it. */
  schedule(callback: () => void, delayMs: number): () => void;
}

export const SYSTEM_TICKER_CLOCK: TickerClock = {
  now: () => performance.now(),
  schedule: (callback, delayMs) => {
    const timer = setTimeout(callback, delayMs);
    return () => clearTimeout(timer);
  },
};

export interface TickParticipant {
  tick(nowMs: number): void;
}

/**
 * One drift-corrected clock per instance: tick n is due at start + n x period by the monotonic
 * clock (each timer aims at the next due time, so lateness never accumulates), and each tick
 * visits every participant once. After a stall the schedule restarts from now; the
 * participants' own lead accounting refills what the caller is missing. Runs only while it
 * has participants.
 */
export class PlayoutTicker {
  private readonly participants = new Set<TickParticipant>();
  private dueMs = 0;
  private cancelTimer: (() => void) | undefined;

  constructor(
    private readonly periodMs: number,
    private readonly clock: TickerClock,
    private readonly onLateness: (latenessMs: number) => void = () => undefined,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  add(participant: TickParticipant): void {
    this.participants.add(participant);
    if (this.cancelTimer === undefined) {
      this.dueMs = this.clock.now();
      this.fire();
    }
  }

  remove(participant: TickParticipant): void {
    this.participants.delete(participant);
    if (this.participants.size === 0) this.stop();
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private fire(): void {
    const now = this.clock.now();
    this.onLateness(Math.max(0, now - this.dueMs));
    for (const participant of this.participants) {
      try {
        participant.tick(now);
      } catch (error) {
        this.onError(error);
      }
    }
    if (this.participants.size === 0) {
      this.cancelTimer = undefined;
      return;
    }
    this.dueMs += this.periodMs;
    if (this.dueMs <= now) this.dueMs = now + this.periodMs;
    this.cancelTimer = this.clock.schedule(() => this.fire(), this.dueMs - this.clock.now());
  }
}
