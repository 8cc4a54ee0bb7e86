import type { IncomingHttpHeaders } from 'node:http';

/** A credential as a client presented it, before it is checked against the accepted keys. */
export interface PresentedCredential {
  readonly key: string;
  readonly scheme: 'token' | 'bearer';
  readonly source: 'header' | 'subprotocol';
  /** The subprotocol to echo in the handshake answer (WebSocket subprotocol auth only). */
  readonly subprotocol?: string;
}

/**
 * Reads Deepgram credentials the way its API takes them: `Authorization: Token KEY` or
 * `Bearer JWT`, or (clients that cannot set headers) the subprotocols `token, KEY` /
 * `bearer, JWT`. The header wins when both are present.
 */
export function presentedCredential(headers: IncomingHttpHeaders): PresentedCredential | undefined {
  return fromAuthorizationHeader(headers.authorization) ?? fromSubprotocols(headers['sec-websocket-protocol']);
}

export function isAccepted(credential: PresentedCredential | undefined, apiKeys: readonly string[]): credential is PresentedCredential {
  return credential !== undefined && credential.key.length > 0 && apiKeys.includes(credential.key);
}

function fromAuthorizationHeader(value: string | undefined): PresentedCredential | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(token|bearer)\s+(\S+)\s*$/i.exec(value);
  if (match === null) return undefined;
  const scheme = match[1]?.toLowerCase() === 'bearer' ? 'bearer' : 'token';
  return { key: match[2] ?? '', scheme, source: 'header' };
}

function fromSubprotocols(value: string | string[] | undefined): PresentedCredential | undefined {
  if (value === undefined) return undefined;
  const protocols = (Array.isArray(value) ? value.join(',') : value)
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol.length > 0);
  const at = protocols.findIndex((protocol) => /^(token|bearer)$/i.test(protocol));
  const scheme = protocols[at];
  const key = protocols[at + 1];
  if (at < 0 || scheme === undefined || key === undefined) return undefined;
  return { key, scheme: scheme.toLowerCase() === 'bearer' ? 'bearer' : 'token', source: 'subprotocol', subprotocol: scheme };
}
