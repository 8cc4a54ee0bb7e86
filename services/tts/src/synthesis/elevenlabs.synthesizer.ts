import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
import type { SpeechSynthesizer, SynthesisRequest } from './speech.synthesizer';

/**
 * The SDK's own timeout covers only the wait for response headers and its timer outlives an
 * aborted request; the chain's first-audio budget is the real bound, this only keeps the
 * leftover timer short.
 */
const HEADERS_TIMEOUT_SECONDS = 10;

export interface ElevenLabsSynthesizerOptions {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly modelId: string;
}

/** ElevenLabs HTTP streaming TTS (`ulaw_8000` is headerless telephony mu-law). Retries belong to the failover chain. */
export class ElevenLabsSynthesizer implements SpeechSynthesizer {
  readonly name = 'elevenlabs';
  private readonly client: ElevenLabsClient;

  constructor(private readonly options: ElevenLabsSynthesizerOptions) {
    this.client = new ElevenLabsClient({ apiKey: options.apiKey, baseUrl: options.baseUrl, maxRetries: 0 });
  }

  async *synthesize(request: SynthesisRequest, signal: AbortSignal): AsyncIterable<Uint8Array> {
    const audio = await this.client.textToSpeech.stream(
      request.voice,
      { text: request.text, modelId: this.options.modelId, outputFormat: 'ulaw_8000' },
      { abortSignal: signal, maxRetries: 0, timeoutInSeconds: HEADERS_TIMEOUT_SECONDS },
    );
    yield* audio;
  }
}
