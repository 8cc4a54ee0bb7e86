import { z } from 'zod';

/** Why an inbound frame was dropped (the media_frames_dropped_total reason label). */
export type FrameDropReason =
  | 'binary-frame'
  | 'bad-json'
  | 'unknown-event'
  | 'bad-shape'
  | 'bad-payload'
  | 'oversized-payload'
  | 'before-start'
  | 'duplicate-start'
  | 'wrong-stream'
  | 'rejected-start';

/** One second of mu-law; Twilio sends 160 bytes (20 ms) per media message. */
const MAX_MEDIA_PAYLOAD_BYTES = 8_000;
const MAX_ID_CHARS = 128;
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const id = z.string().min(1).max(MAX_ID_CHARS);
// Milliseconds since the stream started; nine digits keep it inside uint32 (11 days).
const counter = z.string().regex(/^\d{1,9}$/);

const startSchema = z.object({
  event: z.literal('start'),
  streamSid: id,
  start: z.object({
    streamSid: id,
    callSid: id,
    customParameters: z.record(z.string().max(MAX_ID_CHARS), z.string().max(MAX_ID_CHARS)).optional(),
  }),
});
const mediaSchema = z.object({
  event: z.literal('media'),
  streamSid: id,
  media: z.object({ payload: z.string(), timestamp: counter, track: z.string().max(32).optional() }),
});
const markSchema = z.object({ event: z.literal('mark'), streamSid: id, mark: z.object({ name: z.string().min(1).max(MAX_ID_CHARS * 2) }) });
const dtmfSchema = z.object({ event: z.literal('dtmf'), streamSid: id, dtmf: z.object({ digit: z.string().regex(/^[0-9*#A-D]$/) }) });
const stopSchema = z.object({ event: z.literal('stop'), streamSid: id });
const connectedSchema = z.object({ event: z.literal('connected') });

/** A frame Twilio sends on a media stream, validated; media audio decoded. */
export type TwilioInboundFrame =
  | { readonly event: 'connected' }
  | { readonly event: 'start'; readonly streamSid: string; readonly callSid: string; readonly parameters: Readonly<Record<string, string>> }
  | { readonly event: 'media'; readonly streamSid: string; readonly timestampMs: number; readonly audio: Uint8Array; readonly track: string }
  | { readonly event: 'mark'; readonly streamSid: string; readonly name: string }
  | { readonly event: 'dtmf'; readonly streamSid: string; readonly digit: string }
  | { readonly event: 'stop'; readonly streamSid: string };

export type ParsedFrame = { readonly ok: true; readonly frame: TwilioInboundFrame } | { readonly ok: false; readonly reason: FrameDropReason };

const drop = (reason: FrameDropReason): ParsedFrame => ({ ok: false, reason });

function decodeMedia(payload: string): Uint8Array | FrameDropReason {
  if (payload.length > Math.ceil(MAX_MEDIA_PAYLOAD_BYTES / 3) * 4) return 'oversized-payload';
  if (payload.length === 0 || !STRICT_BASE64.test(payload)) return 'bad-payload';
  return new Uint8Array(Buffer.from(payload, 'base64'));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Validates one WebSocket message from Twilio; never throws. */
export function parseTwilioFrame(text: string | undefined): ParsedFrame {
  if (text === undefined) return drop('binary-frame');
  const json = parseJson(text);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return drop('bad-json');
  const event = (json as { event?: unknown }).event;
  switch (event) {
    case 'connected':
      return connectedSchema.safeParse(json).success ? { ok: true, frame: { event: 'connected' } } : drop('bad-shape');
    case 'start': {
      const parsed = startSchema.safeParse(json);
      if (!parsed.success) return drop('bad-shape');
      const { streamSid, start } = parsed.data;
      if (start.streamSid !== streamSid) return drop('bad-shape');
      return { ok: true, frame: { event: 'start', streamSid, callSid: start.callSid, parameters: start.customParameters ?? {} } };
    }
    case 'media': {
      const parsed = mediaSchema.safeParse(json);
      if (!parsed.success) return drop('bad-shape');
      const audio = decodeMedia(parsed.data.media.payload);
      if (typeof audio === 'string') return drop(audio);
      const { streamSid, media } = parsed.data;
      return { ok: true, frame: { event: 'media', streamSid, timestampMs: Number(media.timestamp), audio, track: media.track ?? 'inbound' } };
    }
    case 'mark': {
      const parsed = markSchema.safeParse(json);
      return parsed.success ? { ok: true, frame: { event: 'mark', streamSid: parsed.data.streamSid, name: parsed.data.mark.name } } : drop('bad-shape');
    }
    case 'dtmf': {
      const parsed = dtmfSchema.safeParse(json);
      return parsed.success ? { ok: true, frame: { event: 'dtmf', streamSid: parsed.data.streamSid, digit: parsed.data.dtmf.digit } } : drop('bad-shape');
    }
    case 'stop': {
      const parsed = stopSchema.safeParse(json);
      return parsed.success ? { ok: true, frame: { event: 'stop', streamSid: parsed.data.streamSid } } : drop('bad-shape');
    }
    default:
      return drop('unknown-event');
  }
}
