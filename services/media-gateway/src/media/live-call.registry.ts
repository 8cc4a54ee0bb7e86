import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@va/observability';
import { LOGGER } from '@va/service-kit';
import { GatewayMetrics } from '../metrics/gateway.metrics';
import { PLAYBACK_POLICY } from '../playback/playback.policy';
import { PlayoutTicker, SYSTEM_TICKER_CLOCK } from '../playback/playout.ticker';
import type { LiveCall } from './live.call';

/** The calls this instance holds, and the one playback ticker they share. */
@Injectable()
export class LiveCallRegistry {
  private readonly calls = new Map<string, LiveCall>();
  private readonly ticker: PlayoutTicker;
  private emptyWaiters: Array<() => void> = [];

  constructor(
    private readonly metrics: GatewayMetrics,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.ticker = new PlayoutTicker(
      PLAYBACK_POLICY.frameDurationMs,
      SYSTEM_TICKER_CLOCK,
      (latenessMs) => metrics.frameLatenessMs.observe(latenessMs),
      (error) => logger.error('playback tick failed', { error: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** False when the call is already held (a second stream for it). */
  hold(call: LiveCall): boolean {
    if (this.calls.has(call.callId)) return false;
    this.calls.set(call.callId, call);
    this.ticker.add(call);
    this.metrics.callsActive.set(this.calls.size);
    return true;
  }

  release(call: LiveCall): void {
    if (this.calls.get(call.callId) !== call) return;
    this.calls.delete(call.callId);
    this.ticker.remove(call);
    this.metrics.callsActive.set(this.calls.size);
    if (this.calls.size === 0) for (const waiter of this.emptyWaiters.splice(0)) waiter();
  }

  get(callId: string): LiveCall | undefined {
    return this.calls.get(callId);
  }

  get size(): number {
    return this.calls.size;
  }

  all(): LiveCall[] {
    return [...this.calls.values()];
  }

  /** Resolves true once no call is held, or false when `timeoutMs` passes first. */
  whenEmpty(timeoutMs: number): Promise<boolean> {
    if (this.calls.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.emptyWaiters = this.emptyWaiters.filter((candidate) => candidate !== waiter);
        resolve(false);
      }, timeoutMs);
      this.emptyWaiters.push(waiter);
    });
  }

  stopTicker(): void {
    this.ticker.stop();
  }
}
