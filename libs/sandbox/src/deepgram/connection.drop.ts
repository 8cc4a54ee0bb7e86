import type { Duplex } from 'node:stream';

const FORCE_CLOSE_AFTER_MS = 1_000;

/**
 * Drops an upgraded connection the way a failing provider does, without a close frame. The
 * TCP stream is ended rather than reset so the frames already sent still arrive (a reset
 * would let the client's kernel discard them); it is destroyed shortly after regardless.
 */
export function dropConnection(socket: Duplex): void {
  socket.end();
  setTimeout(() => socket.destroy(), FORCE_CLOSE_AFTER_MS).unref();
}
