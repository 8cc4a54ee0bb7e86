import type { CampaignSettings } from '../../campaigns/campaign.settings';

/** Why an attempt is dropped for good (call_attempts.outcome). */
export type SkipReason = 'dnc' | 'consent_refused' | 'no_time_zone' | 'max_attempts' | 'campaign_window_closed';

/** Why an attempt waits (audit detail only; the attempt stays pending with a later not_before). */
export type DeferReason = 'campaign_window_not_open' | 'outside_calling_hours' | 'campaign_concurrency' | 'tenant_concurrency';

export type DialDecision =
  | { readonly kind: 'dial' }
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  | { readonly kind: 'defer'; readonly reason: DeferReason; readonly until: Date };

/** Everything the rules look at for one attempt, gathered in the attempt's transaction. */
export interface DialFacts {
  readonly now: Date;
  readonly settings: CampaignSettings;
  /** The callee's number is on the tenant's DNC list. */
  readonly onDnc: boolean;
  /** The newest consent row of the scope says granted = false. */
  readonly consentRefused: boolean;
  /** Earlier attempts of this campaign to this client that placed a call. */
  readonly attemptsSoFar: number;
  /** The client's zone, or the zone derived from the number; undefined when neither is known. */
  readonly calleeZone: string | undefined;
  readonly campaignCallsInProgress: number;
  readonly tenantCallsInProgress: number;
  readonly tenantMaxConcurrentCalls: number;
}

export const DialDecision = {
  dial: (): DialDecision => ({ kind: 'dial' }),
  skip: (reason: SkipReason): DialDecision => ({ kind: 'skip', reason }),
  defer: (reason: DeferReason, until: Date): DialDecision => ({ kind: 'defer', reason, until }),
};
