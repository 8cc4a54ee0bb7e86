import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Answers a WebSocket upgrade request with a plain HTTP error instead of 101, the way Deepgram
 * refuses a handshake: a JSON body plus `dg-request-id` and `dg-error` headers.
 */
export function refuseUpgrade(socket: Duplex, status: number, body: { readonly err_msg: string; readonly request_id: string }, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'dg-request-id': body.request_id,
    'dg-error': body.err_msg.replace(/[\r\n]+/g, ' '),
    connection: 'close',
    ...extraHeaders,
  };
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  if (socket.writable) socket.end(`${head}\r\n\r\n${text}`);
  else socket.destroy();
}
