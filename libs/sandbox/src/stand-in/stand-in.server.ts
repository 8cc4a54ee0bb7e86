import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ZodError } from 'zod';
import type { FaultSwitch } from './fault.switch';
import { loggableHeaders, type RequestLog } from './request.log';

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const CONTROL_PREFIX = '/__sandbox/';

/** A parsed HTTP request as a stand-in route sees it. */
export interface StandInRequest {
  readonly raw: IncomingMessage;
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: Buffer;
}

export interface StandInRoutes {
  http(request: StandInRequest, response: ServerResponse): Promise<void> | void;
  /** WebSocket upgrades; absent: upgrades are refused. */
  upgrade?(request: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface StandInServerOptions {
  readonly name: string;
  readonly routes: StandInRoutes;
  readonly faults: FaultSwitch;
  readonly requests: RequestLog;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
}

export interface RunningStandInServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * The HTTP server under every stand-in: reads bodies (bounded), logs each request, serves the
 * shared control endpoints, and hands the rest to the stand-in's routes. A route that throws
 * answers 500 without taking the server down.
 *   GET/DELETE /__sandbox/requests   the request log, or clear it
 *   GET/PUT/DELETE /__sandbox/faults the fault plan, change it (JSON, partial), or reset it
 */
export async function startStandInServer(options: StandInServerOptions): Promise<RunningStandInServer> {
  const sockets = new Set<Duplex>();
  const server = createServer((request, response) => {
    void handle(options, request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { message: `${options.name} stand-in failed: ${describe(error)}` } });
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands an upgrading socket over without an error listener: a client resetting it
    // during a refused or hanging upgrade must not take the stand-in down.
    socket.on('error', () => undefined);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    if (options.routes.upgrade === undefined) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    try {
      options.routes.upgrade(request, socket, head);
    } catch {
      socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(options: StandInServerOptions, raw: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(raw.url ?? '/', 'http://stand-in');
  const body = await readBody(raw);
  if (body === undefined) {
    sendJson(response, 413, { error: { message: 'request body too large' } });
    return;
  }
  const request: StandInRequest = { raw, method: raw.method ?? 'GET', path: url.pathname, query: url.searchParams, body };
  if (request.path.startsWith(CONTROL_PREFIX)) {
    handleControl(options, request, response);
    return;
  }
  options.requests.record({
    kind: 'http',
    method: request.method,
    path: request.path,
    query: Object.fromEntries(url.searchParams),
    headers: loggableHeaders(raw.headers),
    body: body.length > 0 ? body.toString('utf8').slice(0, 64_000) : undefined,
  });
  await options.routes.http(request, response);
}

function handleControl(options: StandInServerOptions, request: StandInRequest, response: ServerResponse): void {
  const resource = request.path.slice(CONTROL_PREFIX.length);
  if (resource === 'requests' && request.method === 'GET') return sendJson(response, 200, options.requests.all());
  if (resource === 'requests' && request.method === 'DELETE') {
    options.requests.clear();
    return sendJson(response, 200, { cleared: true });
  }
  if (resource === 'faults' && request.method === 'GET') return sendJson(response, 200, options.faults.current());
  if (resource === 'faults' && request.method === 'DELETE') {
    options.faults.reset();
    return sendJson(response, 200, options.faults.current());
  }
  if (resource === 'faults' && (request.method === 'PUT' || request.method === 'POST')) {
    try {
      return sendJson(response, 200, options.faults.set(JSON.parse(request.body.toString('utf8')) as object));
    } catch (error) {
      const message = error instanceof ZodError ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') : describe(error);
      return sendJson(response, 400, { error: { message: `invalid fault plan: ${message}` } });
    }
  }
  sendJson(response, 404, { error: { message: `unknown control endpoint ${request.method} ${request.path}` } });
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
