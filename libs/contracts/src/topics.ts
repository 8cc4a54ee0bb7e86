import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { AgentAudioChunkSchema, CallerAudioChunkSchema } from './gen/voiceagent/v1/call_audio_pb';
import { CallControlSchema } from './gen/voiceagent/v1/call_control_pb';
import { CallLifecycleEventSchema } from './gen/voiceagent/v1/call_lifecycle_pb';
import { CallOutcomeEventSchema } from './gen/voiceagent/v1/call_outcome_pb';
import { PlaybackEventSchema } from './gen/voiceagent/v1/call_playback_pb';
import { SpeechCommandSchema } from './gen/voiceagent/v1/call_speech_pb';
import { TranscriptEventSchema } from './gen/voiceagent/v1/call_transcript_pb';
import { ToolRequestSchema, ToolResultSchema } from './gen/voiceagent/v1/tool_pb';
import type { ServiceName } from './service-name';

export interface TopicSpec<S extends DescMessage = DescMessage> {
  readonly schema: S;
  /** Partition key; every topic is keyed by call ID so one call's events stay in order. */
  readonly key: (message: MessageShape<S>) => string;
  readonly producers: readonly ServiceName[];
  readonly consumers: readonly ServiceName[];
  readonly partitions: number;
  readonly description: string;
}

function topic<S extends DescMessage>(spec: TopicSpec<S>): TopicSpec<S> {
  return spec;
}

/**
 * The only place a topic name is written. The call flow reads top to bottom: a call starts,
 * caller audio becomes transcripts, transcripts become speech and tool calls, speech becomes
 * agent audio, the gateway reports what was heard, and outcomes reach the scheduler.
 */
export const topics = {
  'call.lifecycle': topic({
    schema: CallLifecycleEventSchema,
    key: (m) => m.callId,
    producers: ['media-gateway', 'outbound-scheduler'],
    consumers: ['media-gateway', 'stt', 'dialog-manager', 'tts', 'tool-executor', 'outbound-scheduler'],
    partitions: 12,
    description: 'call started, answered (with answering-machine result), ended (reason)',
  }),
  'call.audio.in': topic({
    schema: CallerAudioChunkSchema,
    key: (m) => m.callId,
    producers: ['media-gateway'],
    consumers: ['stt'],
    partitions: 12,
    description: 'caller audio, mu-law 8 kHz, small ordered chunks',
  }),
  'call.transcript': topic({
    schema: TranscriptEventSchema,
    key: (m) => m.callId,
    producers: ['stt'],
    consumers: ['dialog-manager'],
    partitions: 12,
    description: 'interim and final text, speech started, utterance end',
  }),
  'call.speech': topic({
    schema: SpeechCommandSchema,
    key: (m) => m.callId,
    producers: ['dialog-manager'],
    // The gateway takes the cancels: it clears the caller's queued audio at once.
    consumers: ['tts', 'media-gateway'],
    partitions: 12,
    description: 'speak segment (turn, segment, text, last of turn), cancel turn',
  }),
  'call.audio.out': topic({
    schema: AgentAudioChunkSchema,
    key: (m) => m.callId,
    producers: ['tts'],
    consumers: ['media-gateway'],
    partitions: 12,
    description: 'synthesized agent audio per segment, in order',
  }),
  'call.playback': topic({
    schema: PlaybackEventSchema,
    key: (m) => m.callId,
    producers: ['media-gateway'],
    consumers: ['dialog-manager'],
    partitions: 12,
    description: 'segment played to the end, playback cleared: what the caller heard',
  }),
  'call.control': topic({
    schema: CallControlSchema,
    key: (m) => m.callId,
    producers: ['dialog-manager', 'media-gateway'],
    consumers: ['media-gateway', 'dialog-manager'],
    partitions: 12,
    description: 'hang up, transfer, DTMF received',
  }),
  'tool.request': topic({
    schema: ToolRequestSchema,
    key: (m) => m.callId,
    producers: ['dialog-manager'],
    consumers: ['tool-executor'],
    partitions: 12,
    description: 'tool name, JSON arguments, idempotency key',
  }),
  'tool.result': topic({
    schema: ToolResultSchema,
    key: (m) => m.callId,
    producers: ['tool-executor'],
    consumers: ['dialog-manager'],
    partitions: 12,
    description: 'tool outcome or structured error',
  }),
  'call.outcome': topic({
    schema: CallOutcomeEventSchema,
    key: (m) => m.callId,
    producers: ['dialog-manager', 'tool-executor'],
    consumers: ['outbound-scheduler'],
    partitions: 12,
    description: 'disposition, consent, opt-out, appointment, callback request',
  }),
} as const;

export type TopicMap = typeof topics;
export type TopicName = keyof TopicMap;
export type SchemaOf<T extends TopicName> = TopicMap[T]['schema'];
export type MessageOf<T extends TopicName> = MessageShape<SchemaOf<T>>;

export const TOPIC_NAMES = Object.keys(topics) as TopicName[];

/** Every topic has a dead-letter companion holding the original bytes and the reason. */
export function deadLetterTopicOf(name: TopicName): string {
  return `${name}.dead-letter`;
}

export function isTopicName(value: string): value is TopicName {
  return Object.hasOwn(topics, value);
}
