import { Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@va/service-kit';
import type { FrameDropReason } from '../media/twilio-frame.parser';

/** The gateway's own series; labels come from closed sets, never from call data. */
@Injectable()
export class GatewayMetrics {
  readonly callsActive: Gauge;
  readonly framesDropped: Counter<'reason'>;
  readonly frameLatenessMs: Histogram;
  readonly agentAudioDropped: Counter<'reason'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.callsActive = new Gauge({ name: 'gateway_calls_active', help: 'Calls whose media stream this instance holds', registers: [registry] });
    this.framesDropped = new Counter({
      name: 'media_frames_dropped_total',
      help: 'Inbound media-stream frames dropped (malformed, unknown or out of order), by reason',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.frameLatenessMs = new Histogram({
      name: 'playback_frame_lateness_ms',
      help: 'How late the playback ticker ran against its 20 ms schedule',
      buckets: [1, 2, 5, 10, 20, 40, 80, 160],
      registers: [registry],
    });
    this.agentAudioDropped = new Counter({
      name: 'agent_audio_chunks_dropped_total',
      help: 'Agent audio chunks for a held call that were not played (cancelled turn, duplicate, bad format), by reason',
      labelNames: ['reason'],
      registers: [registry],
    });
  }

  frameDropped(reason: FrameDropReason): void {
    this.framesDropped.inc({ reason });
  }
}
