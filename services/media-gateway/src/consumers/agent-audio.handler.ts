import { Outcome, type HandlerOutcome } from '@va/bus';
import { AudioEncoding, type MessageOf } from '@va/contracts';
import { TELEPHONY_SAMPLE_RATE_HZ } from '@va/audio';
import type { GatewayMetrics } from '../metrics/gateway.metrics';
import type { LiveCallRegistry } from '../media/live-call.registry';

/** call.audio.out → the held call's playout queue. Calls held elsewhere are ignored. */
export function handleAgentAudio(chunk: MessageOf<'call.audio.out'>, registry: LiveCallRegistry, metrics: GatewayMetrics): HandlerOutcome {
  const call = registry.get(chunk.callId);
  if (call === undefined) return Outcome.ok();
  if (chunk.encoding !== AudioEncoding.MULAW || chunk.sampleRateHz !== TELEPHONY_SAMPLE_RATE_HZ) {
    metrics.agentAudioDropped.inc({ reason: 'bad-format' });
    return Outcome.ok();
  }
  const result = call.enqueueAgentAudio({
    turnId: chunk.turnId,
    segmentIndex: chunk.segmentIndex,
    chunkIndex: chunk.chunkIndex,
    audio: chunk.audio,
    lastInSegment: chunk.lastInSegment,
    text: chunk.text,
  });
  if (result !== 'queued') metrics.agentAudioDropped.inc({ reason: result });
  return Outcome.ok();
}
