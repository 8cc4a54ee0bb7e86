import twilio from 'twilio';
import WebSocket, { type RawData } from 'ws';
import { newSid } from './twilio.ids';
import { PlayoutQueue } from './playout.queue';
import { parseAppMessage } from './media-stream.messages';
import type { StreamInstruction } from './twiml.document';

/** What a media stream reports to its call. */
export interface MediaStreamObserver {
  /** One frame of the app's audio starting to play to the caller, at monotonic `atMs`. */
  agentFrame(frame: Uint8Array, atMs: number): void;
  markEchoed(name: string): void;
  /** A frame from the app that was ignored (malformed JSON, unknown event, bad payload...). */
  protocolError(description: string): void;
}

export interface MediaStreamOptions {
  readonly accountSid: string;
  readonly callSid: string;
  readonly authToken: string;
  readonly instruction: StreamInstruction;
  readonly observer: MediaStreamObserver;
  readonly handshakeTimeoutMs?: number;
}

/** How the stream ended: the app closed the socket, or the stand-in stopped it (`stop` sent). */
export type MediaStreamEnd = 'app-closed' | 'stopped';

const HANDSHAKE_TIMEOUT_MS = 10_000;

/**
 * Twilio's side of one bidirectional `<Connect><Stream>`: the WebSocket client that dials the
 * app. Sends `connected` and `start`, then `media` (inbound track) and `dtmf` as the call
 * produces them, and `stop` when the call leaves the stream; takes the app's `media` into a
 * real-time playout queue, echoes `mark`s as their audio finishes and on `clear`.
 */
export class MediaStreamClient {
  readonly streamSid = newSid('MZ');
  readonly ended: Promise<MediaStreamEnd>;
  private sequence = 0;
  private chunk = 0;
  private stopping = false;
  private readonly playout: PlayoutQueue;
  private resolveEnded: (end: MediaStreamEnd) => void = () => undefined;

  private constructor(
    private readonly socket: WebSocket,
    private readonly options: MediaStreamOptions,
  ) {
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
    this.playout = new PlayoutQueue((frame, atMs) => options.observer.agentFrame(frame, atMs));
    socket.on('message', (data, isBinary) => this.onAppMessage(data, isBinary));
    socket.on('close', () => {
      this.playout.stop();
      this.resolveEnded(this.stopping ? 'stopped' : 'app-closed');
    });
    socket.on('error', () => undefined);
  }

  /** Opens the socket (signed handshake) and sends `connected` and `start`; rejects if the app cannot be reached. */
  static connect(options: MediaStreamOptions): Promise<MediaStreamClient> {
    const { url } = options.instruction;
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, {
        headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(options.authToken, url, {}), 'user-agent': 'Twilio.TmeWs/1.0' },
        handshakeTimeout: options.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS,
        perMessageDeflate: false,
      });
      const fail = (reason: string): void => {
        socket.removeAllListeners();
        socket.on('error', () => undefined);
        socket.terminate();
        reject(new Error(reason));
      };
      socket.once('unexpected-response', (_request, response) => fail(`handshake answered ${response.statusCode ?? 0}`));
      socket.once('error', (error) => fail(error.message));
      socket.once('close', () => fail('closed during the handshake'));
      socket.once('open', () => {
        socket.removeAllListeners();
        const client = new MediaStreamClient(socket, options);
        client.sendStart();
        resolve(client);
      });
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN && !this.stopping;
  }

  /** One 20 ms frame of the caller's audio on the inbound track. */
  sendMedia(frame: Uint8Array): void {
    if (!this.isOpen) return;
    this.chunk += 1;
    this.send({
      event: 'media',
      sequenceNumber: this.nextSequence(),
      streamSid: this.streamSid,
      media: { track: 'inbound', chunk: String(this.chunk), timestamp: String((this.chunk - 1) * 20), payload: Buffer.from(frame).toString('base64') },
    });
  }

  sendDtmf(digit: string): void {
    if (!this.isOpen) return;
    this.send({ event: 'dtmf', sequenceNumber: this.nextSequence(), streamSid: this.streamSid, dtmf: { track: 'inbound_track', digit } });
  }

  /** The call leaves the stream: `stop`, then a normal close. Queued agent audio is dropped. */
  stop(): void {
    if (this.stopping) return;
    const wasOpen = this.socket.readyState === WebSocket.OPEN;
    this.stopping = true;
    this.playout.stop();
    if (wasOpen) {
      this.send({ event: 'stop', sequenceNumber: this.nextSequence(), streamSid: this.streamSid, stop: { accountSid: this.options.accountSid, callSid: this.options.callSid } });
      this.socket.close(1000, 'call ended');
      setTimeout(() => this.socket.terminate(), 2_000).unref();
    } else {
      this.socket.terminate();
    }
  }

  private sendStart(): void {
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.send({
      event: 'start',
      sequenceNumber: this.nextSequence(),
      streamSid: this.streamSid,
      start: {
        accountSid: this.options.accountSid,
        streamSid: this.streamSid,
        callSid: this.options.callSid,
        tracks: ['inbound'],
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        customParameters: { ...this.options.instruction.parameters },
      },
    });
  }

  private onAppMessage(data: RawData, isBinary: boolean): void {
    if (this.stopping) return;
    const parsed = parseAppMessage(data, isBinary, this.streamSid);
    if (!parsed.ok) {
      this.options.observer.protocolError(parsed.problem);
      return;
    }
    const message = parsed.message;
    if (message.event === 'media') this.playout.enqueueAudio(message.audio);
    else if (message.event === 'clear') this.playout.clear();
    else {
      const { name } = message;
      this.playout.enqueueMark((outcome) => {
        if (outcome === 'dropped' || this.stopping) return;
        this.send({ event: 'mark', sequenceNumber: this.nextSequence(), streamSid: this.streamSid, mark: { name } });
        this.options.observer.markEchoed(name);
      });
    }
  }

  private nextSequence(): string {
    this.sequence += 1;
    return String(this.sequence);
  }

  private send(message: object): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify(message));
  }
}
