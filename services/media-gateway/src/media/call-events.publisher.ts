import { Inject, Injectable } from '@nestjs/common';
import type { Bus } from '@va/bus';
import { AudioEncoding, CallDirection, CallEndReason, type MessageInit, type TopicName } from '@va/contracts';
import { TELEPHONY_SAMPLE_RATE_HZ } from '@va/audio';
import type { Logger } from '@va/observability';
import { BUS, LOGGER, SERVICE_CONFIG } from '@va/service-kit';
import type { GatewayConfig } from '../config/gateway.config';
import { CallerAudioAccumulator } from './caller-audio.accumulator';
import type { SegmentRef } from '../playback/agent-audio.input';
import { GATEWAY_INSTANCE_ID } from '../config/gateway-instance.id';
import type { LiveCall } from './live.call';

/**
 * The facts the gateway publishes about its calls. Publishes are not awaited on the media
 * path: the bus sequences one call's publishes, so they reach the broker in order; a failure
 * is logged with the topic and call.
 */
@Injectable()
export class CallEventsPublisher {
  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(GATEWAY_INSTANCE_ID) private readonly instanceId: string,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<GatewayConfig, 'CALLER_AUDIO_CHUNK_MS'>,
  ) {}

  private readonly accumulators = new WeakMap<LiveCall, CallerAudioAccumulator>();

  started(call: LiveCall): void {
    const { session } = call;
    this.publish('call.lifecycle', {
      callId: session.callId,
      tenantId: session.tenantId,
      occurredAtUnixMs: BigInt(Date.now()),
      event: {
        case: 'started',
        value: {
          direction: session.direction === 'inbound' ? CallDirection.INBOUND : CallDirection.OUTBOUND,
          providerCallId: session.callSid,
          fromNumber: session.from,
          toNumber: session.to,
          campaignId: session.campaignId ?? '',
          attemptId: session.attemptId ?? '',
          clientId: session.clientId ?? '',
          gatewayInstanceId: this.instanceId,
        },
      },
    });
  }

  ended(call: LiveCall, reason: CallEndReason): void {
    const rest = this.accumulators.get(call)?.flush();
    if (rest !== undefined) this.publishCallerAudio(call, rest.streamOffsetMs, rest.audio);
    const durationSeconds = Math.max(0, Math.round((Date.now() - call.startedAtMs) / 1_000));
    this.publish('call.lifecycle', {
      callId: call.callId,
      tenantId: call.session.tenantId,
      occurredAtUnixMs: BigInt(Date.now()),
      event: { case: 'ended', value: { reason, durationSeconds } },
    });
  }

  /** One 20 ms caller frame; published once CALLER_AUDIO_CHUNK_MS of audio has gathered. */
  callerAudio(call: LiveCall, streamOffsetMs: number, frame: Uint8Array): void {
    const chunk = this.accumulatorOf(call).add(streamOffsetMs, frame);
    if (chunk !== undefined) this.publishCallerAudio(call, chunk.streamOffsetMs, chunk.audio);
  }

  private accumulatorOf(call: LiveCall): CallerAudioAccumulator {
    let accumulator = this.accumulators.get(call);
    if (accumulator === undefined) {
      accumulator = new CallerAudioAccumulator(Math.round((this.config.CALLER_AUDIO_CHUNK_MS * TELEPHONY_SAMPLE_RATE_HZ) / 1_000));
      this.accumulators.set(call, accumulator);
    }
    return accumulator;
  }

  private publishCallerAudio(call: LiveCall, streamOffsetMs: number, audio: Uint8Array): void {
    this.publish('call.audio.in', {
      callId: call.callId,
      sequence: call.nextAudioSequence(streamOffsetMs),
      encoding: AudioEncoding.MULAW,
      sampleRateHz: TELEPHONY_SAMPLE_RATE_HZ,
      streamOffsetMs,
      audio,
    });
  }

  dtmf(call: LiveCall, digit: string): void {
    this.publish('call.control', { callId: call.callId, action: { case: 'dtmfReceived', value: { digit, streamOffsetMs: call.streamOffsetMs } } });
  }

  segmentPlayed(call: LiveCall, segment: SegmentRef): void {
    this.publish('call.playback', {
      callId: call.callId,
      occurredAtUnixMs: BigInt(Date.now()),
      event: { case: 'segmentPlayed', value: { turnId: segment.turnId, segmentIndex: segment.segmentIndex, text: segment.text } },
    });
  }

  playbackCleared(call: LiveCall, turnId: string, unplayedSegmentIndexes: readonly number[]): void {
    this.publish('call.playback', {
      callId: call.callId,
      occurredAtUnixMs: BigInt(Date.now()),
      event: { case: 'playbackCleared', value: { turnId, unplayedSegmentIndexes: [...unplayedSegmentIndexes] } },
    });
  }

  private publish<T extends TopicName>(topic: T, message: MessageInit<T>): void {
    this.bus.publish(topic, message).catch((error: unknown) => {
      this.logger.error('publish failed', { topic, callId: (message as { callId?: string }).callId, error: error instanceof Error ? error.message : String(error) });
    });
  }
}

/** The calls row outcome for an end reason. */
export const END_REASON_OUTCOME: Readonly<Record<CallEndReason, string>> = Object.freeze({
  [CallEndReason.UNSPECIFIED]: 'completed',
  [CallEndReason.COMPLETED]: 'completed',
  [CallEndReason.CALLER_HUNG_UP]: 'caller-hung-up',
  [CallEndReason.AGENT_HUNG_UP]: 'agent-hung-up',
  [CallEndReason.TRANSFERRED]: 'transferred',
  [CallEndReason.NO_ANSWER]: 'no-answer',
  [CallEndReason.BUSY]: 'busy',
  [CallEndReason.FAILED]: 'failed',
  [CallEndReason.CANCELED]: 'canceled',
});
