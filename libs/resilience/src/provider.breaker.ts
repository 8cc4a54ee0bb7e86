import CircuitBreaker from 'opossum';
import type { Registry } from 'prom-client';
import { BreakerMetrics, type BreakerState } from './breaker.metrics';
import { failureReasonOf, ProviderFailure, type FailureReason } from './provider.failure';

export interface BreakerOptions {
  /** Share of failed attempts in the rolling window that opens the breaker. */
  readonly errorThresholdPercentage?: number;
  /** Attempts in the window before the percentage counts. */
  readonly volumeThreshold?: number;
  /** How long an open breaker waits before letting one trial attempt through (half-open). */
  readonly resetTimeoutMs?: number;
  readonly rollingWindowMs?: number;
}

const DEFAULTS = { errorThresholdPercentage: 50, volumeThreshold: 2, resetTimeoutMs: 10_000, rollingWindowMs: 30_000 } as const;

type Work = (signal: AbortSignal) => Promise<unknown>;

/**
 * One provider's opossum breaker. Every attempt runs through `attempt` with a budget: past it
 * the attempt's signal aborts and it fails as `timeout`. Failures found later (a stream that
 * went silent mid-call) are counted with `recordFailure`. State changes are exported as the
 * provider_breaker_state gauge.
 */
export class ProviderBreaker {
  private readonly breaker: CircuitBreaker<[Work, number], unknown>;
  private readonly metrics: BreakerMetrics;

  constructor(
    readonly kind: string,
    readonly provider: string,
    registry: Registry,
    options: BreakerOptions = {},
  ) {
    const settings = { ...DEFAULTS, ...options };
    this.metrics = BreakerMetrics.of(registry);
    this.breaker = new CircuitBreaker((work: Work, budgetMs: number) => withBudget(provider, work, budgetMs), {
      timeout: false,
      errorThresholdPercentage: settings.errorThresholdPercentage,
      volumeThreshold: settings.volumeThreshold,
      resetTimeout: settings.resetTimeoutMs,
      rollingCountTimeout: settings.rollingWindowMs,
      name: `${kind}:${provider}`,
    });
    const report = (state: BreakerState) => () => this.metrics.recordState(kind, provider, state);
    this.breaker.on('open', report('open'));
    this.breaker.on('halfOpen', report('half-open'));
    this.breaker.on('close', report('closed'));
    this.metrics.recordState(kind, provider, 'closed');
  }

  get state(): BreakerState {
    if (this.breaker.opened) return 'open';
    return this.breaker.halfOpen ? 'half-open' : 'closed';
  }

  /** Runs `work` within `budgetMs`; rejects with ProviderFailure (`rejected` while the breaker is open). */
  async attempt<T>(work: (signal: AbortSignal) => Promise<T>, budgetMs: number): Promise<T> {
    try {
      return (await this.breaker.fire(work, budgetMs)) as T;
    } catch (error) {
      const failure = this.asFailure(error);
      this.metrics.recordFailure(this.kind, this.provider, failure.reason);
      throw failure;
    }
  }

  /** Counts a failure noticed after the attempt succeeded (for example a live stream gone silent). */
  recordFailure(reason: FailureReason, detail: string): void {
    this.metrics.recordFailure(this.kind, this.provider, reason);
    this.breaker.fire(() => Promise.reject(new ProviderFailure(this.provider, reason, detail)), 0).catch(() => undefined);
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  private asFailure(error: unknown): ProviderFailure {
    if (error instanceof ProviderFailure) return error;
    const code = (error as { code?: unknown }).code;
    if (code === 'EOPENBREAKER') return new ProviderFailure(this.provider, 'rejected', 'breaker open');
    const message = error instanceof Error ? error.message : String(error);
    return new ProviderFailure(this.provider, failureReasonOf(error), message);
  }
}

/** Runs `work`, aborting it and failing with `timeout` once `budgetMs` passes. */
async function withBudget(provider: string, work: Work, budgetMs: number): Promise<unknown> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const failure = new ProviderFailure(provider, 'timeout', `no answer within ${budgetMs} ms`);
      controller.abort(failure);
      reject(failure);
    }, budgetMs);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
