import { createHash } from 'node:crypto';
import type { TranscriptEvent } from './live.transcriber';
import type { HeardWord } from './utterance.tracker';

/** The model a live connection reports in `Results.metadata` and `Metadata`. */
export interface ModelDescription {
  readonly uuid: string;
  readonly name: string;
  readonly version: string;
  readonly arch: string;
}

export interface ResultsContext {
  readonly requestId: string;
  readonly model: ModelDescription;
  /** `punctuate` or `smart_format`: words carry `punctuated_word` and the transcript keeps case. */
  readonly punctuated: boolean;
}

export interface ListenWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  readonly punctuated_word?: string;
}

export interface ListenResults {
  readonly type: 'Results';
  readonly channel_index: readonly [number, number];
  readonly duration: number;
  readonly start: number;
  readonly is_final: boolean;
  readonly speech_final: boolean;
  readonly channel: { readonly alternatives: readonly [{ readonly transcript: string; readonly confidence: number; readonly words: readonly ListenWord[] }] };
  readonly metadata: { readonly request_id: string; readonly model_info: Omit<ModelDescription, 'uuid'>; readonly model_uuid: string };
  readonly from_finalize: boolean;
}

export interface ListenSpeechStarted {
  readonly type: 'SpeechStarted';
  readonly channel: readonly [number, number];
  readonly timestamp: number;
}

export interface ListenUtteranceEnd {
  readonly type: 'UtteranceEnd';
  readonly channel: readonly [number, number];
  readonly last_word_end: number;
}

export interface ListenMetadata {
  readonly type: 'Metadata';
  readonly transaction_key: 'deprecated';
  readonly request_id: string;
  readonly sha256: string;
  readonly created: string;
  readonly duration: number;
  readonly channels: number;
  readonly models?: readonly string[];
  readonly model_info?: Readonly<Record<string, Omit<ModelDescription, 'uuid'>>>;
}

export type ListenServerMessage = ListenResults | ListenSpeechStarted | ListenUtteranceEnd | ListenMetadata;

const WORD_CONFIDENCE = 0.99;
const SINGLE_CHANNEL = [0, 1] as const;

export function describeModel(model: string): ModelDescription {
  const arch = /^nova-\d/.exec(model)?.[0] ?? model;
  const digest = createHash('sha1').update(`deepgram-stand-in:${model}`).digest('hex');
  const uuid = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
  return { uuid, name: model === arch ? `general-${arch}` : model, version: '2025-01-01.0', arch };
}

export function listenMessage(event: TranscriptEvent, context: ResultsContext): ListenServerMessage {
  if (event.kind === 'speech-started') return { type: 'SpeechStarted', channel: SINGLE_CHANNEL, timestamp: seconds(event.atMs) };
  if (event.kind === 'utterance-end') return { type: 'UtteranceEnd', channel: SINGLE_CHANNEL, last_word_end: seconds(event.lastWordEndMs) };
  const words = event.words.map((word) => listenWord(word, context.punctuated));
  const transcript = words.map((word) => (context.punctuated ? (word.punctuated_word ?? word.word) : word.word)).join(' ');
  const { uuid, ...modelInfo } = context.model;
  return {
    type: 'Results',
    channel_index: SINGLE_CHANNEL,
    duration: seconds(event.endMs - event.startMs),
    start: seconds(event.startMs),
    is_final: event.isFinal,
    speech_final: event.speechFinal,
    channel: { alternatives: [{ transcript, confidence: words.length > 0 ? WORD_CONFIDENCE : 0, words }] },
    metadata: { request_id: context.requestId, model_info: modelInfo, model_uuid: uuid },
    from_finalize: event.fromFinalize,
  };
}

export interface SessionSummary {
  readonly requestId: string;
  readonly createdAt: Date;
  readonly durationMs: number;
  readonly sha256: string;
  readonly model: ModelDescription;
}

/** The summary Deepgram sends before it closes a live connection. */
export function metadataMessage(summary: SessionSummary): ListenMetadata {
  const { uuid, ...modelInfo } = summary.model;
  return {
    type: 'Metadata',
    transaction_key: 'deprecated',
    request_id: summary.requestId,
    sha256: summary.sha256,
    created: summary.createdAt.toISOString(),
    duration: seconds(summary.durationMs),
    channels: 1,
    ...(summary.durationMs > 0 ? { models: [uuid], model_info: { [uuid]: modelInfo } } : {}),
  };
}

function listenWord(word: HeardWord, punctuated: boolean): ListenWord {
  const plain = word.text.toLowerCase().replace(/[^\p{L}\p{N}'-]/gu, '') || word.text.toLowerCase();
  return {
    word: plain,
    start: seconds(word.startMs),
    end: seconds(word.endMs),
    confidence: WORD_CONFIDENCE,
    ...(punctuated ? { punctuated_word: word.text } : {}),
  };
}

function seconds(ms: number): number {
  return Math.round(ms * 10) / 10_000;
}
