import { concatAudio, durationMsOfMulaw, EnergySpeechDetector, mulawBytesForMs, mulawLevelDbfs } from '@va/audio';

export interface SegmenterPolicy {
  readonly thresholdDbfs: number;
  readonly onsetMs: number;
  /** Quiet after speech that ends an utterance. */
  readonly endSilenceMs: number;
  /** Audio kept from before the onset, so the first syllable is not clipped. */
  readonly prerollMs: number;
  /** An utterance this long is cut and transcribed even if the caller goes on. */
  readonly maxUtteranceMs: number;
}

export const DEFAULT_SEGMENTER_POLICY: SegmenterPolicy = Object.freeze({
  thresholdDbfs: -45,
  onsetMs: 60,
  endSilenceMs: 600,
  prerollMs: 300,
  maxUtteranceMs: 15_000,
});

/** Offsets are milliseconds of audio pushed since the segmenter was created. */
export type SegmentEvent =
  | { readonly kind: 'started'; readonly offsetMs: number }
  | { readonly kind: 'utterance'; readonly audio: Uint8Array; readonly startMs: number; readonly endMs: number; readonly lastVoicedMs: number };

/**
 * Cuts a mu-law stream into utterances by energy: speech onset, then `endSilenceMs` of quiet
 * (or `maxUtteranceMs`) closes the utterance with its audio, preroll included.
 */
export class UtteranceSegmenter {
  private readonly detector: EnergySpeechDetector;
  private parts: Uint8Array[] = [];
  private partsStartMs = 0;
  private receivedMs = 0;
  private speaking = false;

  constructor(private readonly policy: SegmenterPolicy = DEFAULT_SEGMENTER_POLICY) {
    this.detector = new EnergySpeechDetector({ thresholdDbfs: policy.thresholdDbfs, onsetMs: policy.onsetMs, hangoverMs: policy.endSilenceMs });
  }

  push(audio: Uint8Array): SegmentEvent[] {
    this.parts.push(audio);
    this.receivedMs += durationMsOfMulaw(audio.length);
    const out: SegmentEvent[] = [];
    for (const event of this.detector.push(audio)) {
      if (event.kind === 'speech-start') {
        this.speaking = true;
        this.keepFrom(event.startedAtMs - this.policy.prerollMs);
        out.push({ kind: 'started', offsetMs: event.startedAtMs });
      } else if (this.speaking) {
        out.push(this.cut(event.lastVoicedAtMs));
      }
    }
    const voiced = mulawLevelDbfs(audio) > this.policy.thresholdDbfs;
    if (this.speaking && voiced && this.receivedMs - this.partsStartMs >= this.policy.maxUtteranceMs) {
      // The caller goes on: what follows is the next piece of the same speech.
      out.push(this.cut(this.receivedMs));
      this.speaking = true;
    }
    if (!this.speaking) this.keepFrom(this.receivedMs - this.policy.prerollMs);
    return out;
  }

  /** The utterance in progress, if any (at the end of a stream). */
  flush(): SegmentEvent | undefined {
    return this.speaking ? this.cut(this.receivedMs) : undefined;
  }

  private cut(lastVoicedMs: number): SegmentEvent {
    const event: SegmentEvent = { kind: 'utterance', audio: concatAudio(this.parts), startMs: this.partsStartMs, endMs: this.receivedMs, lastVoicedMs };
    this.speaking = false;
    this.parts = [];
    this.partsStartMs = this.receivedMs;
    return event;
  }

  /** Drops audio before `offsetMs`. */
  private keepFrom(offsetMs: number): void {
    const dropBytes = mulawBytesForMs(Math.max(0, offsetMs - this.partsStartMs));
    if (dropBytes <= 0) return;
    const joined = concatAudio(this.parts);
    const kept = joined.subarray(Math.min(dropBytes, joined.length));
    this.parts = kept.length > 0 ? [kept] : [];
    this.partsStartMs += durationMsOfMulaw(joined.length - kept.length);
  }
}
