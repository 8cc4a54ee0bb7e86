export const CALL_CONTROL = Symbol('va:call-control');

/** What the gateway asks of the telephony provider for a live call. */
export interface CallControlPort {
  /** True when credentials are configured; otherwise every request fails. */
  readonly available: boolean;
  hangUp(callSid: string): Promise<void>;
  /** Replaces the call's TwiML with a dial to `target` (E.164 number or SIP URI). */
  transfer(callSid: string, target: string): Promise<void>;
}
