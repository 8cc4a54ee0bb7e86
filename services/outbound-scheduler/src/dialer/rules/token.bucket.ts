import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A token bucket for the global calls-per-second limit: `ratePerSecond` tokens a second, at
 * most `burst` saved up. It runs on a monotonic clock (performance.now), not the dialer's
 * Clock: moving the business clock in a test must not mint tokens. It is per process; with N
 * scheduler replicas the fleet-wide rate is at most N × the configured rate.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAtMs: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst = 1,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new Error('a token bucket needs a positive rate and a burst of at least 1');
    this.tokens = burst;
    this.refilledAtMs = nowMs();
  }

  /** Takes a token when one is there; otherwise says how many ms until one is. */
  tryTake(): { readonly taken: true } | { readonly taken: false; readonly waitMs: number } {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { taken: true };
    }
    return { taken: false, waitMs: Math.ceil(((1 - this.tokens) * 1_000) / this.ratePerSecond) };
  }

  /** Waits for a token and takes it; rejects when `signal` aborts first. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const attempt = this.tryTake();
      if (attempt.taken) return;
      await sleep(attempt.waitMs, undefined, { signal });
    }
  }

  /** Gives back a token that was taken but not spent (the attempt was skipped or deferred). */
  refund(): void {
    this.refill();
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  private refill(): void {
    const nowMs = this.nowMs();
    this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.refilledAtMs) * this.ratePerSecond) / 1_000);
    this.refilledAtMs = nowMs;
  }
}
