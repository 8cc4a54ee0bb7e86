import { WebSocket, type RawData } from 'ws';
import type { FaultPlan } from '../stand-in/fault.plan';
import { emitWithPlan } from '../stand-in/paced-output';
import type { RequestLog } from '../stand-in/request.log';
import { audioChunks } from './audio.chunks';
import { alignPiece } from './char.alignment';
import { ChunkScheduleBuffer } from './chunk-schedule.buffer';
import { checkKey } from './elevenlabs.auth';
import type { SpeechSignalSynthesizer } from './speech-signal.synthesizer';
import { audioFrame, errorFrame, finalFrame, initMessageSchema, keyFromInit, loggableFrame, textMessageSchema } from './stream-input.messages';
import type { StreamInputQuery } from './stream-input.query';
import type { SynthesisRecord } from './synthesis.record';

export interface StreamInputSessionContext {
  readonly connectionId: string;
  readonly path: string;
  readonly voiceId: string;
  readonly query: StreamInputQuery;
  readonly plan: FaultPlan;
  readonly apiKeys: ReadonlySet<string>;
  /** The key from the handshake headers, if any; otherwise the init frame must carry one. */
  readonly handshakeKey: string | undefined;
  readonly synthesizer: SpeechSignalSynthesizer;
  readonly syntheses: SynthesisRecord[];
  readonly requests: RequestLog;
}

/** Policy violation: the close code ElevenLabs uses for bad keys, bad input and inactivity. */
const POLICY_VIOLATION = 1008;
const INTERNAL_ERROR = 1011;
const MAX_CLOSE_REASON_BYTES = 123;

/**
 * One `stream-input` connection: init frame (auth, settings), text buffered per the chunk
 * schedule (or at once in auto_mode, or on flush), each generation sent as audio frames with
 * alignment, and after `{"text":""}` the remaining audio, `{"audio":null,"isFinal":true}` and
 * a normal close. Bad input, a bad key or `inactivity_timeout` seconds without a frame end the
 * connection with an error frame and close 1008. Generations are produced one after another;
 * each gets the plan's first-byte delay (the service's time to first audio after a flush).
 */
export class StreamInputSession {
  private state: 'awaiting-init' | 'streaming' | 'ending' | 'closed' = 'awaiting-init';
  private buffer = new ChunkScheduleBuffer();
  private output: Promise<boolean> = Promise.resolve(true);
  private audioMessagesSent = 0;
  private inactivityTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly context: StreamInputSessionContext,
  ) {
    ws.on('message', (data, isBinary) => {
      try {
        this.receive(data, isBinary);
      } catch {
        this.fail('internal_error', 'We are sorry, something went wrong.', INTERNAL_ERROR);
      }
    });
    ws.on('close', (code, reason) => this.closed(code, reason.toString('utf8')));
    ws.on('error', () => this.stopInactivityTimer());
    if (context.handshakeKey !== undefined && checkKey(context.handshakeKey, context.apiKeys) !== 'ok') {
      this.fail('invalid_api_key', 'Invalid API key');
      return;
    }
    this.armInactivityTimer();
  }

  private receive(data: RawData, isBinary: boolean): void {
    const text = isBinary ? undefined : rawText(data);
    this.context.requests.record({
      kind: 'ws-message',
      path: this.context.path,
      query: {},
      headers: {},
      ...(text === undefined ? { binaryBytes: rawLength(data) } : { body: loggableFrame(text).slice(0, 64_000) }),
      detail: { connectionId: this.context.connectionId },
    });
    if (this.state === 'closed' || this.state === 'ending') return;
    this.armInactivityTimer();
    if (text === undefined) return this.fail('invalid_message', 'Binary frames are not accepted; send JSON text frames.');
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return this.fail('invalid_message', 'Invalid message received: the frame is not valid JSON.');
    }
    if (this.state === 'awaiting-init') return this.initialise(message);
    this.handleText(message);
  }

  private initialise(message: unknown): void {
    const init = initMessageSchema.safeParse(message);
    if (!init.success) {
      const issue = init.error.issues[0];
      return this.fail('invalid_message', `Invalid initialisation message (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}); the first message must have text " ".`);
    }
    if (this.context.handshakeKey === undefined) {
      const key = checkKey(keyFromInit(init.data), this.context.apiKeys);
      if (key === 'missing') return this.fail('needs_authorization', 'Neither authorization header nor xi-api-key received, please provide one.');
      if (key === 'invalid') return this.fail('invalid_api_key', 'Invalid API key');
    }
    const schedule = init.data.generation_config?.chunk_length_schedule;
    if (schedule !== undefined) this.buffer = new ChunkScheduleBuffer(schedule);
    this.state = 'streaming';
  }

  private handleText(message: unknown): void {
    const parsed = textMessageSchema.safeParse(message);
    if (!parsed.success) return this.fail('invalid_message', 'Invalid message received: expected {"text": string}.');
    const { text, flush, try_trigger_generation: tryTrigger } = parsed.data;
    if (text === '' && flush !== true) {
      this.state = 'ending';
      this.stopInactivityTimer();
      this.generate(this.buffer.drain());
      this.enqueue(async () => {
        if (this.context.plan.fault.kind === 'silence' || this.ws.readyState !== WebSocket.OPEN) return false;
        await this.send(finalFrame());
        this.ws.close(1000);
        return false;
      });
      return;
    }
    this.generate(this.buffer.push(text, { autoMode: this.context.query.autoMode, tryTrigger }));
    if (flush === true) this.generate(this.buffer.drain());
  }

  /** Queues one generation after the ones before it. */
  private generate(text: string | undefined): void {
    if (text !== undefined) this.enqueue(() => this.speak(text));
  }

  /** Runs a step after the previous ones while the connection is alive; a failing step drops it. */
  private enqueue(step: () => Promise<boolean>): void {
    this.output = this.output
      .then((alive) => (alive ? step() : false))
      .catch(() => {
        this.ws.terminate();
        return false;
      });
  }

  private async speak(text: string): Promise<boolean> {
    const audio = this.context.synthesizer.synthesize(text);
    this.context.syntheses.push({
      text,
      voiceId: this.context.voiceId,
      modelId: this.context.query.modelId,
      outputFormat: this.context.query.outputFormat,
      bytes: audio.length,
      transport: 'websocket',
      atMs: Date.now(),
    });
    const { plan } = this.context;
    const fault = plan.fault.kind === 'disconnect' ? { kind: 'disconnect' as const, afterChunks: Math.max(0, plan.fault.afterChunks - this.audioMessagesSent) } : plan.fault;
    let offset = 0;
    const outcome = await emitWithPlan(
      { ...plan, fault },
      audioChunks(audio),
      async (piece) => {
        const alignment = alignPiece(text, audio.length, offset, piece.length);
        offset += piece.length;
        await this.send(audioFrame(piece, alignment));
        this.audioMessagesSent += 1;
      },
      () => this.ws.terminate(),
      () => this.ws.readyState !== WebSocket.OPEN,
    );
    return outcome !== 'disconnected';
  }

  private send(frame: string): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState !== WebSocket.OPEN) return resolve();
      this.ws.send(frame, () => resolve());
    });
  }

  private fail(error: string, message: string, code = POLICY_VIOLATION): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.stopInactivityTimer();
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(errorFrame(error, message, code));
    this.ws.close(code, closeReason(message));
  }

  private armInactivityTimer(): void {
    this.stopInactivityTimer();
    const seconds = this.context.query.inactivityTimeoutSeconds;
    this.inactivityTimer = setTimeout(
      () =>
        this.fail(
          'input_timeout_exceeded',
          `Have not received a new text input within the timeout of ${seconds} seconds. Streaming input terminated. Please make sure to either feed the input in the timely manner, or to send the end of input text (empty string "") when done.`,
        ),
      seconds * 1_000,
    );
  }

  private stopInactivityTimer(): void {
    if (this.inactivityTimer !== undefined) clearTimeout(this.inactivityTimer);
    this.inactivityTimer = undefined;
  }

  private closed(code: number, reason: string): void {
    this.state = 'closed';
    this.stopInactivityTimer();
    this.context.requests.record({ kind: 'ws-close', path: this.context.path, query: {}, headers: {}, detail: { connectionId: this.context.connectionId, code, reason } });
  }
}

/** Close reasons are limited to 123 bytes; longer messages are cut, as the live service does. */
function closeReason(message: string): string {
  const bytes = Buffer.from(message, 'utf8');
  return bytes.length <= MAX_CLOSE_REASON_BYTES ? message : bytes.subarray(0, MAX_CLOSE_REASON_BYTES).toString('utf8').replace(/\uFFFD+$/, '');
}

function rawText(data: RawData): string {
  return rawBuffer(data).toString('utf8');
}

function rawLength(data: RawData): number {
  return rawBuffer(data).length;
}

function rawBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
