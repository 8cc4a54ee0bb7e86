import type { ProviderBreaker } from '@va/resilience';
import type { OutboundCallRequest, OutboundTelephony } from './outbound.telephony';

/** What became of one calls.create: placed, refused for good, or failed in a way worth retrying. */
export type PlacementOutcome =
  | { readonly kind: 'placed'; readonly callSid: string }
  | { readonly kind: 'rejected'; readonly status: number }
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * calls.create behind the telephony breaker with a time budget. A permanent rejection (bad
 * number) is an answer, not a provider failure, so it does not count against the breaker.
 */
export class CallPlacer {
  constructor(
    private readonly telephony: OutboundTelephony,
    private readonly breaker: ProviderBreaker,
    private readonly budgetMs: number,
  ) {}

  /** False while the breaker is open: the loop leases nothing it could not dial. */
  get available(): boolean {
    return this.breaker.state !== 'open';
  }

  async place(request: OutboundCallRequest): Promise<PlacementOutcome> {
    try {
      const result = await this.breaker.attempt(() => this.telephony.placeCall(request), this.budgetMs);
      return result.kind === 'placed' ? result : { kind: 'rejected', status: result.status };
    } catch (error) {
      const reason = (error as { reason?: unknown }).reason;
      return { kind: 'failed', reason: typeof reason === 'string' ? reason : 'error' };
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
