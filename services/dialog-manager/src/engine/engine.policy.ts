/** The deterministic engine's numbers, in one place. */
export const ENGINE_POLICY = Object.freeze({
  /** Failed spoken captures of a keypad-capable value before the keypad is offered. */
  keypadAfterFailedAttempts: 2,
  /** Date-of-birth mismatches at verification before the call ends without revealing anything. */
  verificationMismatchLimit: 2,
  /** Free times offered at once. */
  slotsOffered: 2,
  /** A callback is requested for no earlier than this long after the request. */
  callbackDelayMs: 60 * 60 * 1000,
  /** The household a first price range is quoted for, before the caller says who the plan covers. */
  quotedHousehold: 'individual',
  /** Consent scope recorded at CONSENT. */
  consentScope: 'cross-sell',
});
