import { Counter, Gauge, type Registry } from 'prom-client';
import type { FailureReason } from './provider.failure';

/** Gauge values of provider_breaker_state. */
export const BREAKER_STATE_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;
export type BreakerState = keyof typeof BREAKER_STATE_VALUE;

/**
 * The series every provider chain exports (labels are provider kinds and names, never call
 * data): breaker state, failures by reason, and failovers from one provider to the next.
 */
export class BreakerMetrics {
  readonly state: Gauge<'kind' | 'provider'>;
  readonly failures: Counter<'kind' | 'provider' | 'reason'>;
  readonly failovers: Counter<'kind' | 'from' | 'to'>;

  private constructor(registry: Registry) {
    this.state = new Gauge({ name: 'provider_breaker_state', help: 'Circuit breaker state per provider: 0 closed, 1 half-open, 2 open', labelNames: ['kind', 'provider'], registers: [registry] });
    this.failures = new Counter({ name: 'provider_failures_total', help: 'Failed provider attempts by reason (error, timeout, silence, rejected)', labelNames: ['kind', 'provider', 'reason'], registers: [registry] });
    this.failovers = new Counter({ name: 'provider_failovers_total', help: 'Moves from one provider to the next in a fallback chain', labelNames: ['kind', 'from', 'to'], registers: [registry] });
  }

  private static readonly byRegistry = new WeakMap<Registry, BreakerMetrics>();

  /** One set of series per registry, however many chains a service builds. */
  static of(registry: Registry): BreakerMetrics {
    let metrics = BreakerMetrics.byRegistry.get(registry);
    if (metrics === undefined) {
      metrics = new BreakerMetrics(registry);
      BreakerMetrics.byRegistry.set(registry, metrics);
    }
    return metrics;
  }

  recordState(kind: string, provider: string, state: BreakerState): void {
    this.state.set({ kind, provider }, BREAKER_STATE_VALUE[state]);
  }

  recordFailure(kind: string, provider: string, reason: FailureReason): void {
    this.failures.inc({ kind, provider, reason });
  }
}
