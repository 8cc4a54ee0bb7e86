/** Deepgram's endpointing default (ms of silence before `speech_final`). */
export const DEFAULT_ENDPOINTING_MS = 10;

/** The `/v1/listen` query parameters the stand-in honours, parsed. */
export interface ListenQuery {
  readonly model: string;
  readonly language: string;
  readonly encoding: 'mulaw';
  readonly sampleRateHz: 8000;
  readonly channels: 1;
  readonly interimResults: boolean;
  /** Silence (ms) that ends an utterance with `speech_final`; false turns endpointing off. */
  readonly endpointingMs: number | false;
  readonly utteranceEndMs?: number;
  readonly vadEvents: boolean;
  readonly punctuate: boolean;
  readonly smartFormat: boolean;
  readonly tags: readonly string[];
  /** Every parameter as sent (last value wins), for assertions. */
  readonly raw: Readonly<Record<string, string>>;
}

export type ListenQueryResult = { readonly ok: true; readonly query: ListenQuery } | { readonly ok: false; readonly message: string };

/** Encodings Deepgram's live endpoint knows; the stand-in can only listen to mulaw. */
const DEEPGRAM_ENCODINGS = new Set(['linear16', 'linear32', 'flac', 'alaw', 'mulaw', 'amr-nb', 'amr-wb', 'opus', 'ogg-opus', 'speex', 'g729']);

class QueryError extends Error {}

/**
 * Parses and checks a `/v1/listen` query like Deepgram does before upgrading (400 on a bad
 * value). The stand-in hears only what the Twilio path sends: raw mulaw, 8000 Hz, one channel;
 * anything else is refused with the same 400 Deepgram gives for an unusable format.
 */
export function parseListenQuery(params: URLSearchParams): ListenQueryResult {
  try {
    return { ok: true, query: parse(params) };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, message: error.message };
    throw error;
  }
}

function parse(params: URLSearchParams): ListenQuery {
  const encoding = params.get('encoding');
  if (encoding === null) throw new QueryError('The stand-in needs raw audio: set encoding=mulaw and sample_rate=8000 (containerized audio is not supported).');
  if (!DEEPGRAM_ENCODINGS.has(encoding)) throw new QueryError(`Invalid query string: encoding: unknown variant \`${encoding}\`.`);
  if (encoding !== 'mulaw') throw new QueryError(`Unsupported encoding \`${encoding}\`: the stand-in accepts encoding=mulaw only.`);
  const sampleRate = params.get('sample_rate');
  if (sampleRate === null) throw new QueryError('sample_rate is required when encoding is set.');
  if (integer('sample_rate', sampleRate) !== 8000) throw new QueryError(`Unsupported sample_rate ${sampleRate} for mulaw: the stand-in accepts sample_rate=8000 only.`);
  const channels = params.get('channels');
  if (channels !== null && integer('channels', channels) !== 1) throw new QueryError('The stand-in accepts channels=1 only.');
  const utteranceEnd = params.get('utterance_end_ms');
  return {
    model: params.get('model') ?? 'base',
    language: params.get('language') ?? 'en',
    encoding: 'mulaw',
    sampleRateHz: 8000,
    channels: 1,
    interimResults: flag(params, 'interim_results'),
    endpointingMs: endpointing(params.get('endpointing')),
    ...(utteranceEnd === null ? {} : { utteranceEndMs: positiveInteger('utterance_end_ms', utteranceEnd) }),
    vadEvents: flag(params, 'vad_events'),
    punctuate: flag(params, 'punctuate'),
    smartFormat: flag(params, 'smart_format'),
    tags: params.getAll('tag'),
    raw: Object.fromEntries(params),
  };
}

function flag(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null) return false;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new QueryError(`Invalid query string: ${name}: expected a boolean, got \`${value}\`.`);
}

function endpointing(value: string | null): number | false {
  if (value === null || value === 'true') return DEFAULT_ENDPOINTING_MS;
  if (value === 'false') return false;
  return integer('endpointing', value);
}

function positiveInteger(name: string, value: string): number {
  const parsed = integer(name, value);
  if (parsed <= 0) throw new QueryError(`Invalid query string: ${name}: expected a positive integer, got \`${value}\`.`);
  return parsed;
}

function integer(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new QueryError(`Invalid query string: ${name}: expected an integer, got \`${value}\`.`);
  return Number(value);
}
