import type { RawData } from 'ws';

/** A valid message from the app on a bidirectional stream. */
export type AppStreamMessage =
  | { readonly event: 'media'; readonly audio: Uint8Array }
  | { readonly event: 'mark'; readonly name: string }
  | { readonly event: 'clear' };

export type AppMessageParse = { readonly ok: true; readonly message: AppStreamMessage } | { readonly ok: false; readonly problem: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Checks one frame from the app against the Media Streams protocol: a JSON text frame with
 * `event` media (base64 mu-law payload), mark (with a name) or clear, for this stream's SID.
 */
export function parseAppMessage(data: RawData, isBinary: boolean, streamSid: string): AppMessageParse {
  if (isBinary) return { ok: false, problem: 'binary frame (the protocol uses JSON text frames)' };
  let value: unknown;
  try {
    value = JSON.parse(rawText(data));
  } catch {
    return { ok: false, problem: 'frame is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'frame is not a JSON object' };
  const message = value as Record<string, unknown>;
  const event = message.event;
  if (event !== 'media' && event !== 'mark' && event !== 'clear') return { ok: false, problem: `unknown event ${JSON.stringify(event)}` };
  if (message.streamSid !== streamSid) return { ok: false, problem: `${event} for streamSid ${JSON.stringify(message.streamSid)}, not ${streamSid}` };
  if (event === 'clear') return { ok: true, message: { event } };
  if (event === 'mark') {
    const name = field(message.mark, 'name');
    if (typeof name !== 'string') return { ok: false, problem: 'mark without mark.name' };
    return { ok: true, message: { event, name } };
  }
  const payload = field(message.media, 'payload');
  if (typeof payload !== 'string' || !BASE64.test(payload)) return { ok: false, problem: 'media without a base64 media.payload' };
  return { ok: true, message: { event, audio: new Uint8Array(Buffer.from(payload, 'base64')) } };
}

function field(container: unknown, name: string): unknown {
  return typeof container === 'object' && container !== null ? (container as Record<string, unknown>)[name] : undefined;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
