/** A voice in one provider's own terms: an ElevenLabs voice id, an Aura model, an espeak-ng voice. */
export type ProviderVoice = string;

export interface SynthesisRequest {
  readonly text: string;
  readonly voice: ProviderVoice;
}

/**
 * The one contract every TTS vendor adapter implements: text in, raw G.711 mu-law 8000 Hz
 * mono bytes out, streamed as they arrive. Aborting `signal` must stop the vendor request
 * (or process) and end the iteration with an error.
 */
export interface SpeechSynthesizer {
  readonly name: string;
  synthesize(request: SynthesisRequest, signal: AbortSignal): AsyncIterable<Uint8Array>;
}
