/** Final `CallStatus` values of a call (the REST resource and the `completed` status callback). */
export type TwilioFinalCallStatus = 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';

/** A Twilio error as the stand-in records it on a call (codes from Twilio's error dictionary). */
export interface TwilioCallError {
  readonly code: number;
  readonly message: string;
}

type CallEndBase = {
  readonly callSid: string;
  /** The call's final status, as the REST resource and the `completed` callback report it. */
  readonly status: TwilioFinalCallStatus;
};

/**
 * Why a call ended.
 * - caller-hung-up: `CallLeg.hangUp()` (the person on the phone hung up);
 * - app-hung-up: `<Hangup>`, REST `Status=completed`, or the TwiML ran out of verbs;
 * - transferred: `<Dial>` took the caller elsewhere (`target` is the dialled number, SIP URI or client);
 * - failed: a webhook failed, the TwiML was malformed or used an unsupported verb, or the callee's line failed;
 * - no-answer / busy / canceled: an outbound call that was never answered;
 * - stand-in-closed: the stand-in shut down during the call.
 */
export type CallEndInfo =
  | (CallEndBase & { readonly reason: 'caller-hung-up' | 'app-hung-up' | 'no-answer' | 'busy' | 'canceled' | 'stand-in-closed' })
  | (CallEndBase & { readonly reason: 'transferred'; readonly target: string })
  | (CallEndBase & { readonly reason: 'failed'; readonly error: TwilioCallError });

export type CallEndReason = CallEndInfo['reason'];

/** The caller's end of one call: what a phone does for the person on it. */
export interface CallLeg {
  readonly callSid: string;
  readonly direction: 'inbound' | 'outbound-api';
  readonly from: string;
  readonly to: string;
  /**
   * Queues caller audio (mu-law 8 kHz); sent as 20 ms media frames in real time. Resolves when
   * all of it has been sent (or the call ended). Audio queued before the first media stream
   * connects waits for it; after that the microphone runs continuously (silence when nothing
   * is queued), and what is said while no stream is connected (during a <Say>) is lost.
   */
  sendAudio(audio: Uint8Array): Promise<void>;
  /** A key press (0-9, *, #, A-D), sent as a `dtmf` message on the live media stream. */
  sendDtmf(digit: string): void;
  /** The caller hangs up (stop message, socket closed, completed status callback). Resolves once the call is over. */
  hangUp(): Promise<void>;
  /**
   * Agent audio as the caller hears it: each frame (up to 160 bytes of mu-law) is delivered when it
   * starts playing, with the monotonic time (performance.now() ms) its play-out started. Returns
   * the unsubscribe function.
   */
  onAgentAudio(listener: (frame: Uint8Array, atMs: number) => void): () => void;
  /** Resolves when the call is over, with why. */
  readonly ended: Promise<CallEndInfo>;
  /** Resolves once a media stream is connected (`start` sent); rejects if the call ends before that. */
  readonly mediaConnected: Promise<void>;
}
