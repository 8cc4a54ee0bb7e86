/** The limits of the speech path in one place. */
export const SPEECH_POLICY = {
  /** A segment longer than this is dropped: the dialog manager sends sentences, not documents. */
  maxTextChars: 1_000,
  /** 400 ms of mu-law: larger provider chunks are split so the gateway can clear promptly. */
  maxChunkBytes: 3_200,
  /** Mid-stream failures resynthesized per segment: the caller hears a sentence's start twice at most once. */
  maxResyntheses: 1,
  /** A stream that has started and then yields nothing for this long counts as gone silent. */
  stallTimeoutMs: 5_000,
  /** Cancelled and finished turns remembered per call, so late or redelivered segments stay silent. */
  closedTurnsPerCall: 256,
  /** Ended calls remembered, so a speak arriving after call end starts nothing. */
  endedCallsRemembered: 10_000,
  /** Calls tracked at once; beyond it the oldest idle call (never ended on this instance) is forgotten. */
  maxTrackedCalls: 10_000,
  /** On shutdown, running syntheses get this long to finish before they are cancelled. */
  shutdownGraceMs: 5_000,
} as const;

export type SpeechPolicy = typeof SPEECH_POLICY;
