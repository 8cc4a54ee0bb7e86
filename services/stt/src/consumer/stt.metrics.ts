import { Counter, Gauge, type Registry } from 'prom-client';

export type DropReason = 'duplicate' | 'malformed' | 'call-ended' | 'no-recognizer';

/** The stt service's own series (labels never carry call IDs or text). */
export class SttMetrics {
  readonly sessionsActive: Gauge;
  readonly chunksDropped: Counter<'reason'>;
  readonly sequenceGaps: Counter;
  readonly transcriptEvents: Counter<'provider' | 'kind'>;
  readonly publishFailures: Counter;

  constructor(registry: Registry) {
    this.sessionsActive = new Gauge({ name: 'stt_sessions_active', help: 'Calls with a live recognition session', registers: [registry] });
    this.chunksDropped = new Counter({ name: 'stt_chunks_dropped_total', help: 'Caller audio chunks dropped, by reason', labelNames: ['reason'], registers: [registry] });
    this.sequenceGaps = new Counter({ name: 'stt_chunk_gaps_total', help: 'Caller audio chunks that arrived after a gap in the sequence', registers: [registry] });
    this.transcriptEvents = new Counter({ name: 'stt_transcript_events_total', help: 'Recognition events published, by provider and kind', labelNames: ['provider', 'kind'], registers: [registry] });
    this.publishFailures = new Counter({ name: 'stt_publish_failures_total', help: 'Recognition events that could not be published', registers: [registry] });
  }
}
