/**
 * The subprotocol a Deepgram socket answers with: clients that authenticate with
 * `Sec-WebSocket-Protocol: token, KEY` (or `bearer, JWT`) need one of theirs echoed for the
 * handshake to complete; the scheme name is echoed, never the key.
 */
export function acceptSubprotocol(protocols: Set<string>): string | false {
  for (const protocol of protocols) {
    if (/^(token|bearer)$/i.test(protocol)) return protocol;
  }
  return false;
}
