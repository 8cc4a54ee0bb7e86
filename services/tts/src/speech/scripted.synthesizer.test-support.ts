import { setTimeout as sleep } from 'node:timers/promises';
import type { SpeechSynthesizer, SynthesisRequest } from '../synthesis/speech.synthesizer';

/** One synthesis as a fake provider plays it: yields chunks, fails, or waits, honouring the signal. */
export type Script = (request: SynthesisRequest, signal: AbortSignal) => AsyncIterable<Uint8Array>;

export interface SeenRequest extends SynthesisRequest {
  readonly signal: AbortSignal;
}

/** A fake SpeechSynthesizer whose every synthesis follows a script chosen by the request. */
export class ScriptedSynthesizer implements SpeechSynthesizer {
  readonly requests: SeenRequest[] = [];

  constructor(
    readonly name: string,
    private readonly script: (request: SynthesisRequest, attempt: number) => Script,
  ) {}

  get abortedCount(): number {
    return this.requests.filter((request) => request.signal.aborted).length;
  }

  synthesize(request: SynthesisRequest, signal: AbortSignal): AsyncIterable<Uint8Array> {
    this.requests.push({ ...request, signal });
    return this.script(request, this.requests.length)(request, signal);
  }
}

/** Audio that says which provider made it, of which text, as which chunk. */
export function fakeAudio(provider: string, text: string, chunk: number, bytes = 160): Uint8Array {
  const label = Buffer.from(`${provider}|${text}|${chunk}|`);
  const audio = Buffer.alloc(Math.max(bytes, label.length), 0xff);
  label.copy(audio);
  return audio;
}

export function labelOf(audio: Uint8Array): { provider: string; text: string; chunk: number } {
  const [provider = '', text = '', chunk = '-1'] = Buffer.from(audio).toString('latin1').split('|');
  return { provider, text, chunk: Number(chunk) };
}

export interface SpeakOptions {
  readonly chunks?: number;
  readonly chunkBytes?: number;
  readonly firstDelayMs?: number;
  readonly intervalMs?: number;
  /** Throw after this many chunks (a dropped connection). */
  readonly failAfterChunks?: number;
}

export const scripts = {
  speaks:
    (provider: string, options: SpeakOptions = {}): Script =>
    async function* (request, signal) {
      const chunks = options.chunks ?? 3;
      if ((options.firstDelayMs ?? 0) > 0) await sleep(options.firstDelayMs, undefined, { signal });
      for (let chunk = 0; chunk < chunks; chunk += 1) {
        if (chunk === options.failAfterChunks) throw new Error('connection reset by peer');
        if (chunk > 0 && (options.intervalMs ?? 0) > 0) await sleep(options.intervalMs, undefined, { signal });
        signal.throwIfAborted();
        yield fakeAudio(provider, request.text, chunk, options.chunkBytes);
      }
    },
  fails: (): Script =>
    async function* () {
      await Promise.resolve();
      yield* [];
      throw new Error('503 service unavailable');
    },
  hangs: (): Script =>
    async function* (_request, signal) {
      await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
      yield new Uint8Array(0);
    },
} as const;
