/**
 * The one contract every speech recognizer adapter meets. Audio in is G.711 mu-law, 8 kHz,
 * mono; offsets out are milliseconds of audio sent on that stream (the session maps them onto
 * the call's stream). Breakers, budgets, failover and metrics live around adapters, not in them.
 */
export interface RecognizedTranscript {
  readonly text: string;
  /** False for interim results, which grow until a final one freezes the segment. */
  readonly isFinal: boolean;
  /** True when endpointing decided the caller stopped speaking. */
  readonly speechFinal: boolean;
  readonly confidence: number;
  readonly startMs: number;
  readonly endMs: number;
}

export interface RecognizerHandlers {
  transcript(transcript: RecognizedTranscript): void;
  speechStarted(offsetMs: number): void;
  utteranceEnded(lastWordEndMs: number): void;
  /** A provider error or an unexpected close; the stream is unusable afterwards. */
  failed(error: Error): void;
}

export interface RecognizerStream {
  send(mulaw: Uint8Array): void;
  /** Keeps an idle stream open while no audio flows. */
  keepAlive(): void;
  /** Flushes what was heard (final results arrive through the handlers), then ends the stream. */
  finish(): Promise<void>;
  close(): void;
}

export interface StreamingRecognizer {
  readonly name: string;
  /** Resolves once the provider is connected and takes audio; `signal` aborts the attempt. */
  open(callId: string, handlers: RecognizerHandlers, signal: AbortSignal): Promise<RecognizerStream>;
}
