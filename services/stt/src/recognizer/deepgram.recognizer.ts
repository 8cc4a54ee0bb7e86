import { DeepgramClient } from '@deepgram/sdk';
import type { RecognizerHandlers, RecognizerStream, StreamingRecognizer } from './streaming.recognizer';

export interface DeepgramRecognizerOptions {
  readonly apiKey: string;
  /** REST base, e.g. https://api.deepgram.com. */
  readonly baseUrl: string;
  /** Socket base, e.g. wss://api.deepgram.com. */
  readonly wsUrl: string;
}

/** How long `finish` waits for Deepgram to flush and close after CloseStream. */
const FINISH_TIMEOUT_MS = 3_000;
const MS_PER_SECOND = 1_000;

type LiveSocket = Awaited<ReturnType<DeepgramClient['listen']['v1']['connect']>>;

/** Deepgram live transcription (listen v1) through the official SDK: telephony mu-law, interim results, endpointing, utterance end and VAD events. */
export class DeepgramRecognizer implements StreamingRecognizer {
  readonly name = 'deepgram';
  private readonly client: DeepgramClient;

  constructor(options: DeepgramRecognizerOptions) {
    this.client = new DeepgramClient({
      apiKey: options.apiKey,
      maxRetries: 0,
      environment: { base: options.baseUrl, production: options.wsUrl, agent: options.wsUrl, agentRest: options.baseUrl },
    });
  }

  async open(_callId: string, handlers: RecognizerHandlers, signal: AbortSignal): Promise<RecognizerStream> {
    const socket = await this.client.listen.v1.connect({
      model: 'nova-3',
      encoding: 'mulaw',
      sample_rate: 8000,
      channels: 1,
      interim_results: 'true',
      endpointing: 300,
      utterance_end_ms: 1000,
      vad_events: 'true',
      smart_format: 'true',
      reconnectAttempts: 0,
      abortSignal: signal,
    });
    const stream = new DeepgramStream(socket, handlers);
    signal.addEventListener('abort', () => stream.close(), { once: true });
    socket.connect();
    try {
      await socket.waitForOpen();
    } catch (error) {
      stream.close();
      throw error instanceof Error ? error : new Error('deepgram refused the connection');
    }
    stream.markOpen();
    return stream;
  }
}

class DeepgramStream implements RecognizerStream {
  private open = false;
  private ending = false;
  private closed: Promise<void>;
  private resolveClosed: () => void = () => undefined;

  constructor(
    private readonly socket: LiveSocket,
    private readonly handlers: RecognizerHandlers,
  ) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    socket.on('message', (message: unknown) => this.dispatch(message));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', (event) => {
      this.resolveClosed();
      this.fail(new Error(`deepgram closed the stream (code ${event.code})`));
    });
  }

  markOpen(): void {
    this.open = true;
  }

  send(mulaw: Uint8Array): void {
    if (this.open && !this.ending) this.socket.sendMedia(mulaw);
  }

  keepAlive(): void {
    if (this.open && !this.ending) this.socket.sendKeepAlive({ type: 'KeepAlive' });
  }

  async finish(): Promise<void> {
    if (!this.open || this.ending) return this.close();
    this.ending = true;
    this.socket.sendCloseStream({ type: 'CloseStream' });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.closed, new Promise((resolve) => (timer = setTimeout(resolve, FINISH_TIMEOUT_MS)))]);
    clearTimeout(timer);
    this.close();
  }

  close(): void {
    this.ending = true;
    this.open = false;
    this.socket.close();
    this.resolveClosed();
  }

  private fail(error: Error): void {
    if (!this.open || this.ending) return;
    this.open = false;
    this.handlers.failed(error);
  }

  /** Server messages are read defensively: a malformed one is ignored. */
  private dispatch(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const fields = message as Record<string, unknown>;
    if (fields['type'] === 'Results') {
      const best = firstAlternative(fields['channel']);
      const startS = numberOr(fields['start'], 0);
      this.handlers.transcript({
        text: typeof best['transcript'] === 'string' ? best['transcript'] : '',
        isFinal: fields['is_final'] === true,
        speechFinal: fields['speech_final'] === true,
        confidence: numberOr(best['confidence'], 0),
        startMs: startS * MS_PER_SECOND,
        endMs: (startS + numberOr(fields['duration'], 0)) * MS_PER_SECOND,
      });
    } else if (fields['type'] === 'SpeechStarted') {
      this.handlers.speechStarted(numberOr(fields['timestamp'], 0) * MS_PER_SECOND);
    } else if (fields['type'] === 'UtteranceEnd') {
      this.handlers.utteranceEnded(numberOr(fields['last_word_end'], 0) * MS_PER_SECOND);
    }
  }
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function firstAlternative(channel: unknown): Record<string, unknown> {
  const alternatives = (channel as { alternatives?: unknown } | undefined)?.alternatives;
  const first: unknown = Array.isArray(alternatives) ? alternatives[0] : undefined;
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {};
}
