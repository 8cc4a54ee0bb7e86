/** One outbound call to place; every URL is absolute and carries our call id. */
export interface OutboundCallRequest {
  readonly to: string;
  readonly from: string;
  readonly voiceUrl: string;
  readonly statusCallbackUrl: string;
  readonly amdCallbackUrl: string;
}

/** `rejected`: the provider refused this call for good (a 4xx such as an invalid number). */
export type PlaceCallResult =
  | { readonly kind: 'placed'; readonly callSid: string }
  | { readonly kind: 'rejected'; readonly status: number; readonly code: number | undefined };

/** The provider's current view of one call: its Twilio CallStatus and, after detection, AnsweredBy. */
export interface ProviderCallState {
  readonly status: string;
  readonly answeredBy: string | undefined;
}

/**
 * The dialer's narrow telephony contract. Retryable failures (5xx, network, 429) throw;
 * breakers, budgets and rate limits live around it (call.placer), not in adapters.
 */
export interface OutboundTelephony {
  placeCall(request: OutboundCallRequest): Promise<PlaceCallResult>;
  /** Ends a live call (answering machine under the hang-up policy). */
  hangUp(callSid: string): Promise<void>;
  /** Asks the provider where a call stands (a call whose terminal callback never came). */
  fetchCall(callSid: string): Promise<ProviderCallState>;
}

/** Nest token of the OutboundTelephony, or null when Twilio is not configured. */
export const OUTBOUND_TELEPHONY = Symbol('dialer:outbound-telephony');
