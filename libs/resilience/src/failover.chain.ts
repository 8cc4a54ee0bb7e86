import type { Registry } from 'prom-client';
import { BreakerMetrics } from './breaker.metrics';
import { ProviderBreaker, type BreakerOptions } from './provider.breaker';
import { ProviderFailure } from './provider.failure';

/** One link of a chain: a named provider (an adapter) and its own breaker settings. */
export interface ChainLink<P> {
  readonly name: string;
  readonly provider: P;
  /** This provider's attempt budget (time to first output); defaults to the chain's. */
  readonly budgetMs?: number;
}

export interface ChainOptions {
  /** `stt`, `tts`, `llm`: the kind label of the chain's metrics. */
  readonly kind: string;
  readonly registry: Registry;
  readonly budgetMs: number;
  readonly breaker?: BreakerOptions;
}

/** The provider that answered, its position in the chain, and what it returned. */
export interface ChainResult<P, T> {
  readonly name: string;
  readonly index: number;
  readonly provider: P;
  readonly value: T;
}

/** Every provider failed or was skipped by its open breaker; `failures` says why, in order. */
export class ChainExhaustedError extends Error {
  constructor(
    readonly kind: string,
    readonly failures: readonly ProviderFailure[],
  ) {
    super(`every ${kind} provider failed: ${failures.map((failure) => failure.message).join('; ')}`);
    this.name = 'ChainExhaustedError';
  }
}

/**
 * An ordered fallback chain (primary first), each provider behind its own breaker. `run`
 * tries the providers from `from` on, skipping open breakers, and answers with the first that
 * succeeds within its budget; a failure moves on at once to the next.
 */
export class FailoverChain<P> {
  private readonly breakers: readonly ProviderBreaker[];
  private readonly metrics: BreakerMetrics;

  constructor(
    private readonly links: readonly ChainLink<P>[],
    private readonly options: ChainOptions,
  ) {
    if (links.length === 0) throw new Error(`the ${options.kind} chain has no provider`);
    this.metrics = BreakerMetrics.of(options.registry);
    this.breakers = links.map((link) => new ProviderBreaker(options.kind, link.name, options.registry, options.breaker));
  }

  get names(): readonly string[] {
    return this.links.map((link) => link.name);
  }

  breakerOf(name: string): ProviderBreaker {
    const breaker = this.breakers[this.indexOf(name)];
    if (breaker === undefined) throw new Error(`no ${this.options.kind} provider ${name}`);
    return breaker;
  }

  indexOf(name: string): number {
    return this.links.findIndex((link) => link.name === name);
  }

  async run<T>(attempt: (provider: P, signal: AbortSignal, name: string) => Promise<T>, from = 0): Promise<ChainResult<P, T>> {
    const failures: ProviderFailure[] = [];
    for (let index = from; index < this.links.length; index += 1) {
      const link = this.links[index];
      const breaker = this.breakers[index];
      if (link === undefined || breaker === undefined) break;
      try {
        const value = await breaker.attempt((signal) => attempt(link.provider, signal, link.name), link.budgetMs ?? this.options.budgetMs);
        return { name: link.name, index, provider: link.provider, value };
      } catch (error) {
        failures.push(error instanceof ProviderFailure ? error : new ProviderFailure(link.name, 'error', String(error)));
        const next = this.links[index + 1];
        if (next !== undefined) this.metrics.failovers.inc({ kind: this.options.kind, from: link.name, to: next.name });
      }
    }
    throw new ChainExhaustedError(this.options.kind, failures);
  }

  /** Counts a failure noticed mid-stream against `name`'s breaker, and the failover that follows when there is a next provider. */
  reportFailure(name: string, reason: 'error' | 'timeout' | 'silence', detail: string): void {
    const index = this.indexOf(name);
    this.breakerOf(name).recordFailure(reason, detail);
    const next = this.links[index + 1];
    if (next !== undefined) this.metrics.failovers.inc({ kind: this.options.kind, from: name, to: next.name });
  }

  shutdown(): void {
    for (const breaker of this.breakers) breaker.shutdown();
  }
}
