/** The dialer's fixed policy numbers, in one place. */
export const DIALER_POLICY = Object.freeze({
  /** A concurrency-capped attempt is looked at again after this long. */
  capDeferMs: 5_000,
  /** tenants.settings.maxConcurrentCalls when the tenant sets none. */
  defaultTenantMaxConcurrentCalls: 10,
  /** Attempts one instance leases per tenant per tick. */
  leaseBatchSize: 20,
  /** Time allowed for Twilio to accept one calls.create. */
  placeCallBudgetMs: 10_000,
  /**
   * Added to the placement budget for the least a dial's lease lasts: recovery must not re-dial an
   * attempt whose calls.create may still be in flight, whatever DIALER_LEASE_MS says.
   */
  dialLeaseMarginMs: 5_000,
  /** Stuck calls one instance asks the provider about per tenant per tick. */
  stuckCheckBatchSize: 20,
  /** The consent scope the dialog records at CONSENT (dialog-manager engine policy, seed). */
  consentScope: 'cross-sell',
});
