import { WebSocket, type RawData } from 'ws';
import type { FaultPlan } from '../stand-in/fault.plan';
import { emitWithPlan } from '../stand-in/paced-output';
import type { RequestLog } from '../stand-in/request.log';
import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { INTERNAL_ERROR_CLOSE } from './deepgram.errors';
import { describeModel } from './listen.messages';
import { rawDataBuffer } from './raw-data.buffer';
import type { SpeakQuery } from './speak.query';
import type { SpeechSynthesizer } from './speech.synthesizer';

export interface SpeakSessionOptions {
  readonly id: number;
  readonly requestId: string;
  readonly socket: WebSocket;
  readonly query: SpeakQuery;
  readonly plan: FaultPlan;
  readonly agentSpeech: UtteranceRegistry;
  readonly synthesizer: SpeechSynthesizer;
  readonly requests: RequestLog;
  readonly path: string;
  /** Drops the connection without a close frame (the disconnect fault). */
  readonly drop: () => void;
}

/** Aura allows this many Flush messages per window before it warns. */
export const FLUSH_LIMIT = 20;
const FLUSH_WINDOW_MS = 60_000;
const AUDIO_CHUNK_BYTES = 800;

/**
 * One Aura `/v1/speak` socket: `Speak` text is buffered until `Flush`, then synthesized,
 * registered in `agentSpeech` and sent as binary frames followed by `Flushed`; `Clear` drops
 * queued text and stops audio in flight (`Cleared`); `Close` finishes pending work, then 1000.
 */
export class SpeakSession {
  private buffered: string[] = [];
  private work: Promise<void> = Promise.resolve();
  private generation = 0;
  private flushes = 0;
  private flushTimes: number[] = [];
  private closing = false;

  constructor(private readonly options: SpeakSessionOptions) {
    const { socket } = options;
    socket.on('message', (data, isBinary) => {
      try {
        this.onMessage(data, isBinary);
      } catch {
        socket.close(INTERNAL_ERROR_CLOSE.code, INTERNAL_ERROR_CLOSE.reason);
      }
    });
    socket.on('close', (code, reason) => this.onClose(code, reason.toString('utf8')));
    socket.on('error', () => undefined);
    const model = describeModel(options.query.model);
    this.sendJson({ type: 'Metadata', request_id: options.requestId, model_name: options.query.model, model_version: model.version, model_uuid: model.uuid });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    const text = rawDataBuffer(data).toString('utf8');
    if (isBinary) return this.warn('Binary messages are not supported; send JSON text messages.', 'INVALID_MESSAGE');
    this.options.requests.record({ kind: 'ws-message', path: this.options.path, query: {}, headers: {}, body: text.slice(0, 64_000), detail: { connectionId: this.options.id } });
    const message = parseMessage(text);
    if (message?.type === 'Speak' && typeof message.text === 'string') {
      this.buffered.push(message.text);
      return;
    }
    if (message?.type === 'Flush') return this.flush();
    if (message?.type === 'Clear') return this.clear();
    if (message?.type === 'Close') return this.close();
    this.warn('Message could not be parsed as Speak, Flush, Clear or Close.', 'INVALID_MESSAGE');
  }

  private flush(): void {
    const nowMs = Date.now();
    this.flushTimes = [...this.flushTimes.filter((at) => nowMs - at < FLUSH_WINDOW_MS), nowMs];
    if (this.flushTimes.length > FLUSH_LIMIT) this.warn(`Too many Flush messages: at most ${FLUSH_LIMIT} per ${FLUSH_WINDOW_MS / 1000} seconds.`, 'FLUSH_LIMIT_EXCEEDED');
    const text = this.buffered.join('');
    this.buffered = [];
    const sequenceId = this.flushes++;
    const generation = this.generation;
    this.work = this.work.then(() => this.speak(text, sequenceId, generation));
  }

  private async speak(text: string, sequenceId: number, generation: number): Promise<void> {
    const stale = (): boolean => generation !== this.generation || this.options.socket.readyState !== WebSocket.OPEN;
    if (stale()) return;
    const { plan } = this.options;
    if (plan.fault.kind === 'silence' || plan.fault.kind === 'hang') return;
    if (text.trim().length > 0) {
      const audio = this.options.synthesizer.synthesize(text);
      this.options.agentSpeech.register(text, audio);
      const outcome = await emitWithPlan(plan, chunksOf(audio), (chunk) => this.options.socket.send(chunk), this.options.drop, stale);
      if (outcome !== 'completed') return;
    }
    if (!stale()) this.sendJson({ type: 'Flushed', sequence_id: sequenceId });
  }

  private clear(): void {
    this.buffered = [];
    this.generation += 1;
    this.sendJson({ type: 'Cleared', sequence_id: Math.max(0, this.flushes - 1) });
  }

  private close(): void {
    this.closing = true;
    void this.work.then(() => {
      if (this.options.socket.readyState === WebSocket.OPEN) this.options.socket.close(1000);
    });
  }

  private warn(description: string, code: string): void {
    this.sendJson({ type: 'Warning', description, code });
  }

  private sendJson(message: Record<string, unknown>): void {
    if (this.options.socket.readyState === WebSocket.OPEN && this.options.plan.fault.kind !== 'silence') this.options.socket.send(JSON.stringify(message));
  }

  private onClose(code: number, reason: string): void {
    this.closing = true;
    this.generation += 1;
    this.options.requests.record({ kind: 'ws-close', path: this.options.path, query: {}, headers: {}, detail: { connectionId: this.options.id, requestId: this.options.requestId, code, reason } });
  }
}

interface SpeakMessage {
  readonly type?: unknown;
  readonly text?: unknown;
}

function parseMessage(text: string): SpeakMessage | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as SpeakMessage) : undefined;
  } catch {
    return undefined;
  }
}

function* chunksOf(audio: Uint8Array): Generator<Uint8Array> {
  for (let offset = 0; offset < audio.length; offset += AUDIO_CHUNK_BYTES) yield audio.subarray(offset, offset + AUDIO_CHUNK_BYTES);
}
