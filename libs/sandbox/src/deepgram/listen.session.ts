import { createHash, type Hash } from 'node:crypto';
import { WebSocket, type RawData } from 'ws';
import type { FaultPlan } from '../stand-in/fault.plan';
import type { RequestLog } from '../stand-in/request.log';
import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { IDLE_TIMEOUT_CLOSE, INTERNAL_ERROR_CLOSE, INVALID_MESSAGE_CLOSE, NORMAL_CLOSE, type CloseFrame } from './deepgram.errors';
import { LiveTranscriber, type TranscriptEvent } from './live.transcriber';
import { describeModel, listenMessage, metadataMessage, type ModelDescription } from './listen.messages';
import type { ListenQuery } from './listen.query';
import { MessageOutbox } from './message.outbox';
import { rawDataBuffer } from './raw-data.buffer';

/** How the stand-in listens: timing and speech detection shared by every connection. */
export interface ListenBehaviour {
  readonly idleTimeoutMs: number;
  readonly interimIntervalMs: number;
  readonly thresholdDbfs: number;
  readonly onsetMs: number;
  readonly emptyInterimsInSilence: boolean;
}

export interface ListenSessionOptions {
  readonly id: number;
  readonly requestId: string;
  readonly socket: WebSocket;
  readonly query: ListenQuery;
  readonly plan: FaultPlan;
  readonly callerSpeech: UtteranceRegistry;
  readonly behaviour: ListenBehaviour;
  readonly requests: RequestLog;
  readonly path: string;
  /** Drops the connection without a close frame (the disconnect fault). */
  readonly drop: () => void;
}

/** One live connection as tests see it. */
export interface LiveSessionInfo {
  readonly id: number;
  readonly requestId: string;
  readonly query: ListenQuery;
  readonly fault: FaultPlan['fault']['kind'];
  readonly openedAt: Date;
  readonly bytesReceived: number;
  /** Milliseconds of audio received (the stand-in's clock for this connection). */
  readonly streamMs: number;
  readonly messagesSent: number;
  readonly resultsSent: number;
  readonly messagesWithheld: number;
  readonly open: boolean;
  readonly closed?: { readonly code: number; readonly reason: string };
}

/**
 * One `/v1/listen` connection: binary frames are audio for the transcriber, text frames are
 * control messages (KeepAlive, Finalize, CloseStream); results leave through the outbox; the
 * connection closes like Deepgram's (Metadata, then 1000 / 1011 NET-0001 / 1008).
 */
export class ListenSession {
  private readonly transcriber: LiveTranscriber;
  private readonly outbox: MessageOutbox;
  private readonly audioHash: Hash = createHash('sha256');
  private readonly model: ModelDescription;
  private readonly openedAt = new Date();
  private bytesReceived = 0;
  private resultsSent = 0;
  private closing = false;
  private closed: { code: number; reason: string } | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ListenSessionOptions) {
    const { query, behaviour, socket } = options;
    this.model = describeModel(query.model);
    this.transcriber = new LiveTranscriber(
      {
        interimResults: query.interimResults,
        endpointingMs: query.endpointingMs,
        ...(query.utteranceEndMs === undefined ? {} : { utteranceEndMs: query.utteranceEndMs }),
        vadEvents: query.vadEvents,
        interimIntervalMs: behaviour.interimIntervalMs,
        thresholdDbfs: behaviour.thresholdDbfs,
        onsetMs: behaviour.onsetMs,
        emptyInterimsInSilence: behaviour.emptyInterimsInSilence,
      },
      options.callerSpeech,
    );
    this.outbox = new MessageOutbox(options.plan, {
      send: (text) => new Promise<void>((resolve) => socket.send(text, () => resolve())),
      drop: options.drop,
      isOpen: () => socket.readyState === WebSocket.OPEN,
    });
    socket.on('message', (data, isBinary) => {
      try {
        this.onMessage(data, isBinary);
      } catch {
        this.finish(INTERNAL_ERROR_CLOSE);
      }
    });
    socket.on('close', (code, reason) => this.onClose(code, reason.toString('utf8')));
    socket.on('error', () => undefined);
    this.resetIdleTimer();
  }

  info(): LiveSessionInfo {
    return {
      id: this.options.id,
      requestId: this.options.requestId,
      query: this.options.query,
      fault: this.options.plan.fault.kind,
      openedAt: this.openedAt,
      bytesReceived: this.bytesReceived,
      streamMs: this.transcriber.positionMs,
      messagesSent: this.outbox.sentCount,
      resultsSent: this.resultsSent,
      messagesWithheld: this.outbox.withheldCount,
      open: this.closed === undefined,
      ...(this.closed === undefined ? {} : { closed: this.closed }),
    };
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    this.resetIdleTimer();
    const bytes = rawDataBuffer(data);
    if (isBinary) {
      if (bytes.length === 0) return this.closeStream();
      this.bytesReceived += bytes.length;
      this.audioHash.update(bytes);
      return this.emit(this.transcriber.push(bytes));
    }
    const text = bytes.toString('utf8');
    this.log(text);
    const type = controlType(text);
    if (type === 'KeepAlive') return;
    if (type === 'Finalize') return this.emit(this.transcriber.finalize());
    if (type === 'CloseStream') return this.closeStream();
    this.finish(INVALID_MESSAGE_CLOSE);
  }

  private closeStream(): void {
    this.emit(this.transcriber.flush());
    this.finish(NORMAL_CLOSE);
  }

  private emit(events: readonly TranscriptEvent[]): void {
    const context = { requestId: this.options.requestId, model: this.model, punctuated: this.options.query.punctuate || this.options.query.smartFormat };
    for (const event of events) {
      const onSent = event.kind === 'results' ? () => (this.resultsSent += 1) : undefined;
      this.outbox.enqueue(JSON.stringify(listenMessage(event, context)), onSent);
    }
  }

  /** Metadata, then the close frame once everything before it went out. */
  private finish(frame: CloseFrame): void {
    if (this.closing) return;
    this.closing = true;
    clearTimeout(this.idleTimer);
    const summary = { requestId: this.options.requestId, createdAt: this.openedAt, durationMs: this.transcriber.positionMs, sha256: this.audioHash.digest('hex'), model: this.model };
    this.outbox.enqueue(JSON.stringify(metadataMessage(summary)));
    void this.outbox.drained().then(() => {
      if (this.options.socket.readyState === WebSocket.OPEN) this.options.socket.close(frame.code, frame.reason);
    });
  }

  private resetIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.finish(IDLE_TIMEOUT_CLOSE), this.options.behaviour.idleTimeoutMs);
  }

  private onClose(code: number, reason: string): void {
    clearTimeout(this.idleTimer);
    this.closing = true;
    this.outbox.cancel();
    this.closed = { code, reason };
    this.options.requests.record({
      kind: 'ws-close',
      path: this.options.path,
      query: this.options.query.raw,
      headers: {},
      detail: { connectionId: this.options.id, requestId: this.options.requestId, code, reason, bytesReceived: this.bytesReceived },
    });
  }

  private log(text: string): void {
    this.options.requests.record({
      kind: 'ws-message',
      path: this.options.path,
      query: this.options.query.raw,
      headers: {},
      body: text.slice(0, 64_000),
      detail: { connectionId: this.options.id, requestId: this.options.requestId },
    });
  }
}

function controlType(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('type' in parsed)) return undefined;
    return typeof parsed.type === 'string' ? parsed.type : undefined;
  } catch {
    return undefined;
  }
}
