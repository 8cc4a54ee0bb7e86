import { mulawToPcm16, TELEPHONY_SAMPLE_RATE_HZ, writeWavPcm16 } from '@va/audio';
import OpenAI, { toFile } from 'openai';
import type { RecognizerHandlers, RecognizerStream, StreamingRecognizer } from './streaming.recognizer';
import { DEFAULT_SEGMENTER_POLICY, UtteranceSegmenter, type SegmentEvent } from './utterance.segmenter';

export interface OpenAiRecognizerOptions {
  readonly apiKey: string;
  /** Including `/v1`, e.g. https://api.openai.com/v1. */
  readonly baseUrl: string;
  readonly model: string;
  /** Time allowed for one utterance's transcription. */
  readonly requestTimeoutMs: number;
}

/** OpenAI's transcriptions return no confidence; a final from them counts as certain. */
const TRANSCRIPTION_CONFIDENCE = 1;

/**
 * A segmenting recognizer on OpenAI transcriptions: it finds utterances in the stream itself
 * (speech onset → speechStarted; ~600 ms of quiet → the utterance's audio is transcribed as a
 * PCM16 WAV) and reports each as a final, speech-final transcript followed by utterance end.
 */
export class OpenAiRecognizer implements StreamingRecognizer {
  readonly name = 'openai';
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiRecognizerOptions) {
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0, timeout: options.requestTimeoutMs });
  }

  open(_callId: string, handlers: RecognizerHandlers): Promise<RecognizerStream> {
    return Promise.resolve(new OpenAiStream((wav, signal) => this.transcribe(wav, signal), handlers));
  }

  private async transcribe(wav: Uint8Array, signal: AbortSignal): Promise<string> {
    const file = await toFile(wav, 'utterance.wav', { type: 'audio/wav' });
    const result = await this.client.audio.transcriptions.create({ file, model: this.options.model }, { signal });
    return result.text.trim();
  }
}

type Transcribe = (wav: Uint8Array, signal: AbortSignal) => Promise<string>;

class OpenAiStream implements RecognizerStream {
  private readonly segmenter = new UtteranceSegmenter(DEFAULT_SEGMENTER_POLICY);
  private readonly aborter = new AbortController();
  /** Transcriptions run one after another, so results keep the utterances' order. */
  private queue: Promise<void> = Promise.resolve();
  private done = false;

  constructor(
    private readonly transcribe: Transcribe,
    private readonly handlers: RecognizerHandlers,
  ) {}

  send(mulaw: Uint8Array): void {
    if (this.done) return;
    for (const event of this.segmenter.push(mulaw)) this.onSegment(event);
  }

  keepAlive(): void {
    // Nothing is held open between utterances.
  }

  async finish(): Promise<void> {
    if (this.done) return;
    const last = this.segmenter.flush();
    if (last !== undefined) this.onSegment(last);
    await this.queue;
    this.close();
  }

  close(): void {
    this.done = true;
    this.aborter.abort();
  }

  private onSegment(event: SegmentEvent): void {
    if (event.kind === 'started') {
      this.handlers.speechStarted(event.offsetMs);
      return;
    }
    const wav = writeWavPcm16({ sampleRateHz: TELEPHONY_SAMPLE_RATE_HZ, samples: mulawToPcm16(event.audio) });
    this.queue = this.queue.then(async () => {
      if (this.done) return;
      try {
        const text = await this.transcribe(wav, this.aborter.signal);
        if (this.done) return;
        this.handlers.transcript({ text, isFinal: true, speechFinal: true, confidence: TRANSCRIPTION_CONFIDENCE, startMs: event.startMs, endMs: event.endMs });
        this.handlers.utteranceEnded(event.lastVoicedMs);
      } catch (error) {
        if (this.done) return;
        this.done = true;
        this.handlers.failed(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
}
