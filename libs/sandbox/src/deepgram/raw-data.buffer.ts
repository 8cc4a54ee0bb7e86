import type { RawData } from 'ws';

/** A `ws` message payload (Buffer, fragments or ArrayBuffer) as one Buffer. */
export function rawDataBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
