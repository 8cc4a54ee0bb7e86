/** Why a provider attempt was counted as failed. `silence`: it accepted input and yielded no output within budget. */
export type FailureReason = 'error' | 'timeout' | 'silence' | 'rejected';

/**
 * A provider attempt that failed in a way the chain understands. Adapters throw it with
 * `silence` when input flowed and nothing came back in time; the breaker throws `timeout`
 * when an attempt's budget ran out, and `rejected` when the breaker is open.
 */
export class ProviderFailure extends Error {
  constructor(
    readonly provider: string,
    readonly reason: FailureReason,
    detail: string,
  ) {
    super(`${provider}: ${reason}: ${detail}`);
    this.name = 'ProviderFailure';
  }
}

/** The reason to count for any error an attempt ended with. */
export function failureReasonOf(error: unknown): FailureReason {
  return error instanceof ProviderFailure ? error.reason : 'error';
}
