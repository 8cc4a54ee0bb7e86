import type { IncomingHttpHeaders } from 'node:http';

export type KeyCheck = 'ok' | 'missing' | 'invalid';

/** The credential of an HTTP request or WebSocket handshake: `xi-api-key`, or `Authorization: Bearer`. */
export function keyFromHeaders(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['xi-api-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined && key !== '') return key;
  return /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
}

export function checkKey(key: string | undefined, apiKeys: ReadonlySet<string>): KeyCheck {
  if (key === undefined || key === '') return 'missing';
  return apiKeys.has(key) ? 'ok' : 'invalid';
}
