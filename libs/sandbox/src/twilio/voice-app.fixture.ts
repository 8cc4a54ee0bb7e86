import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import twilio from 'twilio';
import { WebSocketServer, type WebSocket } from 'ws';

/** One webhook the test app received, with its signature checked by twilio-node. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly method: string;
  readonly url: string;
  readonly params: Readonly<Record<string, string>>;
  readonly signatureValid: boolean;
  readonly contentType: string;
  readonly atMs: number;
}

export interface AppReply {
  readonly status?: number;
  readonly contentType?: string;
  readonly body: string;
  readonly delayMs?: number;
}

export type WebhookHandler = (webhook: ReceivedWebhook) => AppReply | Promise<AppReply>;

/** One JSON message Twilio sent on a media stream, with its arrival time (performance.now()). */
export interface StreamMessage {
  readonly message: Record<string, unknown>;
  readonly atMs: number;
}

/** The app's end of one media stream socket. */
export class AppStream {
  readonly messages: StreamMessage[] = [];
  readonly closed: Promise<{ code: number }>;
  private waiters: Array<() => void> = [];

  constructor(
    readonly socket: WebSocket,
    readonly path: string,
    readonly signatureValid: boolean,
  ) {
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve({ code })));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
      this.messages.push({ message: JSON.parse(text) as Record<string, unknown>, atMs: performance.now() });
      for (const waiter of this.waiters) waiter();
    });
  }

  get streamSid(): string {
    const start = this.messages.find((entry) => entry.message.event === 'start');
    return String(start?.message.streamSid ?? '');
  }

  of(event: string): StreamMessage[] {
    return this.messages.filter((entry) => entry.message.event === event);
  }

  /** Resolves with the first message (already received or coming) that matches. */
  waitFor(predicate: (message: Record<string, unknown>) => boolean, timeoutMs = 5_000): Promise<StreamMessage> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.messages.find((entry) => predicate(entry.message));
        if (found === undefined) return false;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== onMessage);
        resolve(found);
        return true;
      };
      const onMessage = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== onMessage);
        reject(new Error(`no matching stream message within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.waiters.push(onMessage);
    });
  }

  send(message: object | string): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  sendAudio(audio: Uint8Array): void {
    this.send({ event: 'media', streamSid: this.streamSid, media: { payload: Buffer.from(audio).toString('base64') } });
  }

  sendMark(name: string): void {
    this.send({ event: 'mark', streamSid: this.streamSid, mark: { name } });
  }
}

/**
 * A small voice app for the stand-in's tests: HTTP webhooks (signature checked with
 * twilio.validateRequest, replies from per-path handlers) and a Media Streams WebSocket
 * server on the same port.
 */
export class VoiceAppFixture {
  readonly webhooks: ReceivedWebhook[] = [];
  readonly streams: AppStream[] = [];
  private readonly handlers = new Map<string, WebhookHandler>();
  private webhookWaiters: Array<() => void> = [];
  private streamWaiters: Array<(stream: AppStream) => void> = [];
  private taken = 0;

  private constructor(
    private readonly server: Server,
    private readonly sockets: WebSocketServer,
    private readonly authToken: string,
    readonly port: number,
  ) {}

  static async start(authToken: string): Promise<VoiceAppFixture> {
    const sockets = new WebSocketServer({ noServer: true });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const app = new VoiceAppFixture(server, sockets, authToken, (server.address() as AddressInfo).port);
    server.on('request', (request, response) => {
      void app.onRequest(request).then((reply) => {
        response.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'text/xml' });
        response.end(reply.body);
      });
    });
    server.on('upgrade', (request, socket, head) => {
      const url = app.wsUrl(request.url ?? '/');
      const signature = String(request.headers['x-twilio-signature'] ?? '');
      const valid = twilio.validateRequest(authToken, signature, url, {});
      sockets.handleUpgrade(request, socket, head, (ws) => app.onStream(new AppStream(ws, request.url ?? '/', valid)));
    });
    return app;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  wsUrl(path: string): string {
    return `ws://127.0.0.1:${this.port}${path}`;
  }

  handle(path: string, handler: WebhookHandler): void {
    this.handlers.set(path, handler);
  }

  received(path: string): ReceivedWebhook[] {
    return this.webhooks.filter((webhook) => webhook.path === path);
  }

  waitForWebhook(predicate: (webhook: ReceivedWebhook) => boolean, timeoutMs = 5_000): Promise<ReceivedWebhook> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.webhooks.find(predicate);
        if (found === undefined) return false;
        clearTimeout(timer);
        this.webhookWaiters = this.webhookWaiters.filter((waiter) => waiter !== onWebhook);
        resolve(found);
        return true;
      };
      const onWebhook = (): void => void check();
      const timer = setTimeout(() => {
        this.webhookWaiters = this.webhookWaiters.filter((waiter) => waiter !== onWebhook);
        reject(new Error(`no matching webhook within ${timeoutMs} ms (got ${this.webhooks.map((webhook) => webhook.path).join(', ')})`));
      }, timeoutMs);
      if (!check()) this.webhookWaiters.push(onWebhook);
    });
  }

  /** The next stream not yet taken by an earlier call (already connected or coming). */
  nextStream(timeoutMs = 5_000): Promise<AppStream> {
    const connected = this.streams[this.taken];
    if (connected !== undefined) {
      this.taken += 1;
      return Promise.resolve(connected);
    }
    return new Promise((resolve, reject) => {
      const waiter = (stream: AppStream): void => {
        clearTimeout(timer);
        resolve(stream);
      };
      const timer = setTimeout(() => {
        this.streamWaiters = this.streamWaiters.filter((candidate) => candidate !== waiter);
        reject(new Error(`no media stream within ${timeoutMs} ms`));
      }, timeoutMs);
      this.streamWaiters.push(waiter);
    });
  }

  async close(): Promise<void> {
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(request: IncomingMessage): Promise<AppReply> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = this.url(request.url ?? '/');
    const parsed = new URL(url);
    const method = request.method ?? 'GET';
    const params = method === 'POST' ? Object.fromEntries(new URLSearchParams(body)) : Object.fromEntries(parsed.searchParams);
    const signature = String(request.headers['x-twilio-signature'] ?? '');
    const webhook: ReceivedWebhook = {
      path: parsed.pathname,
      method,
      url,
      params,
      signatureValid: twilio.validateRequest(this.authToken, signature, url, method === 'POST' ? params : {}),
      contentType: String(request.headers['content-type'] ?? ''),
      atMs: performance.now(),
    };
    this.webhooks.push(webhook);
    for (const waiter of this.webhookWaiters) waiter();
    const handler = this.handlers.get(parsed.pathname);
    const reply = handler === undefined ? { body: '<Response/>' } : await handler(webhook);
    if (reply.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    return reply;
  }

  private onStream(stream: AppStream): void {
    this.streams.push(stream);
    const waiter = this.streamWaiters.shift();
    if (waiter === undefined) return;
    this.taken += 1;
    waiter(stream);
  }
}

/** TwiML as an app reply. */
export function twimlReply(response: { toString(): string }): AppReply {
  return { body: response.toString(), contentType: 'text/xml' };
}
