import { Counter, Histogram, type Registry } from 'prom-client';

/** How one speak segment ended; `none` is the provider label of segments no provider touched. */
export type SegmentOutcomeLabel = 'spoken' | 'failed' | 'cancelled' | 'dropped' | 'ignored';
export type CancelTrigger = 'cancel' | 'call-ended';

const FIRST_AUDIO_BUCKETS_MS = [50, 100, 200, 300, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000];

/** The tts service's series; labels are provider names and closed outcome sets, never call data. */
export class TtsMetrics {
  readonly segments: Counter<'provider' | 'outcome'>;
  readonly firstAudioMs: Histogram<'provider'>;
  readonly cancelled: Counter<'trigger'>;

  private constructor(registry: Registry) {
    this.segments = new Counter({ name: 'tts_segments_total', help: 'Speak segments by the provider that handled them and how they ended', labelNames: ['provider', 'outcome'], registers: [registry] });
    this.firstAudioMs = new Histogram({ name: 'tts_first_audio_ms', help: 'Milliseconds from synthesis request to the first audio bytes', labelNames: ['provider'], buckets: FIRST_AUDIO_BUCKETS_MS, registers: [registry] });
    this.cancelled = new Counter({ name: 'tts_cancelled_total', help: 'Turns whose synthesis and publication were cancelled', labelNames: ['trigger'], registers: [registry] });
  }

  private static readonly byRegistry = new WeakMap<Registry, TtsMetrics>();

  static of(registry: Registry): TtsMetrics {
    let metrics = TtsMetrics.byRegistry.get(registry);
    if (metrics === undefined) {
      metrics = new TtsMetrics(registry);
      TtsMetrics.byRegistry.set(registry, metrics);
    }
    return metrics;
  }

  segment(provider: string, outcome: SegmentOutcomeLabel): void {
    this.segments.inc({ provider, outcome });
  }
}
