import { DeepgramClient } from '@deepgram/sdk';
import type { SpeechSynthesizer, SynthesisRequest } from './speech.synthesizer';

/**
 * The SDK's own timeout covers only the wait for response headers and its timer outlives an
 * aborted request; the chain's first-audio budget is the real bound, this only keeps the
 * leftover timer short.
 */
const HEADERS_TIMEOUT_SECONDS = 10;

export interface DeepgramAuraSynthesizerOptions {
  readonly apiKey: string;
  /** REST base URL (https://api.deepgram.com); the socket URL is derived from it. */
  readonly baseUrl: string;
}

/** Deepgram Aura REST TTS as raw mu-law 8 kHz (`container: none`), the body streamed as it arrives. */
export class DeepgramAuraSynthesizer implements SpeechSynthesizer {
  readonly name = 'deepgram-aura';
  private readonly client: DeepgramClient;

  constructor(options: DeepgramAuraSynthesizerOptions) {
    const socketUrl = options.baseUrl.replace(/^http/, 'ws');
    this.client = new DeepgramClient({
      apiKey: options.apiKey,
      maxRetries: 0,
      environment: { base: options.baseUrl, production: socketUrl, agent: socketUrl, agentRest: options.baseUrl },
    });
  }

  async *synthesize(request: SynthesisRequest, signal: AbortSignal): AsyncIterable<Uint8Array> {
    const response = await this.client.speak.v1.audio.generate(
      { text: request.text, model: request.voice, encoding: 'mulaw', sample_rate: 8000, container: 'none' },
      { abortSignal: signal, maxRetries: 0, timeoutInSeconds: HEADERS_TIMEOUT_SECONDS },
    );
    const body = response.stream();
    if (body === null) return;
    yield* body;
  }
}
