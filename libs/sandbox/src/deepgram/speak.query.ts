/** Aura's default voice when the request names none. */
export const DEFAULT_SPEAK_MODEL = 'aura-asteria-en';

export interface SpeakQuery {
  readonly model: string;
  readonly encoding: 'mulaw';
  readonly sampleRateHz: 8000;
  readonly container: 'none' | 'wav';
}

export type SpeakQueryResult = { readonly ok: true; readonly query: SpeakQuery } | { readonly ok: false; readonly message: string };

const AURA_ENCODINGS = new Set(['linear16', 'flac', 'mulaw', 'alaw', 'mp3', 'opus', 'aac']);

/**
 * Checks `/v1/speak` parameters (REST with `container`, WebSocket without). Aura's defaults
 * (mp3, linear16 on the socket) are refused: the stand-in only produces what a phone line
 * carries, mulaw at 8000 Hz. For mulaw, Aura's default container is wav.
 */
export function parseSpeakQuery(params: URLSearchParams, transport: 'rest' | 'socket'): SpeakQueryResult {
  const encoding = params.get('encoding') ?? (transport === 'rest' ? 'mp3' : 'linear16');
  if (!AURA_ENCODINGS.has(encoding)) return { ok: false, message: `Invalid query string: encoding: unknown variant \`${encoding}\`.` };
  if (encoding !== 'mulaw') return { ok: false, message: `Unsupported encoding \`${encoding}\`: the stand-in produces encoding=mulaw only.` };
  const sampleRate = params.get('sample_rate') ?? '8000';
  if (sampleRate !== '8000') return { ok: false, message: `Unsupported sample_rate ${sampleRate}: the stand-in produces mulaw at sample_rate=8000 only.` };
  const container = transport === 'rest' ? (params.get('container') ?? 'wav') : 'none';
  if (container !== 'none' && container !== 'wav') return { ok: false, message: `Unsupported container \`${container}\` for mulaw (none or wav).` };
  return { ok: true, query: { model: params.get('model') ?? DEFAULT_SPEAK_MODEL, encoding: 'mulaw', sampleRateHz: 8000, container } };
}
