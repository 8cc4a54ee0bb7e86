import { concatAudio } from '@va/audio';
import type { RecognizedTranscript, RecognizerHandlers, RecognizerStream, StreamingRecognizer } from './streaming.recognizer';

/** A recognizer the test drives: it records what each stream was sent and emits what the test says. */
export class FakeRecognizer implements StreamingRecognizer {
  readonly streams: FakeStream[] = [];
  /** `refuse`: open rejects, as a provider refusing the connection. */
  mode: 'answer' | 'refuse' = 'answer';

  constructor(readonly name: string) {}

  open(callId: string, handlers: RecognizerHandlers): Promise<RecognizerStream> {
    if (this.mode === 'refuse') return Promise.reject(new Error(`${this.name} refused`));
    const stream = new FakeStream(callId, handlers);
    this.streams.push(stream);
    return Promise.resolve(stream);
  }

  get last(): FakeStream {
    const stream = this.streams.at(-1);
    if (stream === undefined) throw new Error(`${this.name} was never opened`);
    return stream;
  }
}

export class FakeStream implements RecognizerStream {
  readonly sent: Uint8Array[] = [];
  keepAlives = 0;
  finished = false;
  closed = false;

  constructor(
    readonly callId: string,
    private readonly handlers: RecognizerHandlers,
  ) {}

  get sentAudio(): Uint8Array {
    return concatAudio(this.sent);
  }

  send(mulaw: Uint8Array): void {
    this.sent.push(Uint8Array.from(mulaw));
  }

  keepAlive(): void {
    this.keepAlives += 1;
  }

  finish(): Promise<void> {
    this.finished = true;
    return Promise.resolve();
  }

  close(): void {
    this.closed = true;
  }

  emitFinal(text: string, startMs: number, endMs: number): void {
    const transcript: RecognizedTranscript = { text, isFinal: true, speechFinal: true, confidence: 0.9, startMs, endMs };
    this.handlers.transcript(transcript);
  }

  emitSpeechStarted(offsetMs: number): void {
    this.handlers.speechStarted(offsetMs);
  }

  fail(message: string): void {
    this.handlers.failed(new Error(message));
  }
}
