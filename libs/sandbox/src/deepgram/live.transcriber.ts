import { BYTES_PER_MS, EnergySpeechDetector, FRAME_BYTES, mulawLevelDbfs, type SpeechEvent } from '@va/audio';
import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { UtteranceTracker, type HeardWord } from './utterance.tracker';

export interface TranscriberSettings {
  readonly interimResults: boolean;
  /** Silence (ms) that ends speech with `speech_final`; false: segments end without it. */
  readonly endpointingMs: number | false;
  readonly utteranceEndMs?: number;
  readonly vadEvents: boolean;
  /** Stream time between interim results. */
  readonly interimIntervalMs: number;
  readonly thresholdDbfs: number;
  readonly onsetMs: number;
  /** Interims with an empty transcript during silence, as Deepgram sends them. */
  readonly emptyInterimsInSilence: boolean;
}

/** What the stand-in has to say, timed in stream milliseconds (bytes received / 8). */
export type TranscriptEvent =
  | { readonly kind: 'speech-started'; readonly atMs: number }
  | {
      readonly kind: 'results';
      readonly startMs: number;
      readonly endMs: number;
      readonly isFinal: boolean;
      readonly speechFinal: boolean;
      readonly fromFinalize: boolean;
      readonly words: readonly HeardWord[];
    }
  | { readonly kind: 'utterance-end'; readonly lastWordEndMs: number };

/** Speech segments end after this much quiet when the client turned endpointing off. */
const SEGMENT_GAP_WITHOUT_ENDPOINTING_MS = 500;

/**
 * The live transcription logic of the stand-in, without I/O: mulaw in, Deepgram events out.
 * Everything is timed by the audio received, never by the wall clock, so a stream sent faster
 * than real time gets the same results at the same stream offsets.
 */
export class LiveTranscriber {
  private readonly detector: EnergySpeechDetector;
  private readonly tracker: UtteranceTracker;
  private pending = new Uint8Array(0);
  private receivedBytes = 0;
  private segmentStartMs = 0;
  private lastResultAtMs = 0;
  private lastWordEndMs: number | undefined;
  private utteranceEndSent = true;

  constructor(
    private readonly settings: TranscriberSettings,
    registry: UtteranceRegistry,
  ) {
    const hangoverMs = settings.endpointingMs === false ? SEGMENT_GAP_WITHOUT_ENDPOINTING_MS : settings.endpointingMs;
    this.detector = new EnergySpeechDetector({ thresholdDbfs: settings.thresholdDbfs, onsetMs: settings.onsetMs, hangoverMs });
    this.tracker = new UtteranceTracker(registry, settings.thresholdDbfs);
  }

  /** Stream time: milliseconds of audio received. */
  get positionMs(): number {
    return this.receivedBytes / BYTES_PER_MS;
  }

  push(audio: Uint8Array): TranscriptEvent[] {
    this.receivedBytes += audio.length;
    const joined = new Uint8Array(this.pending.length + audio.length);
    joined.set(this.pending);
    joined.set(audio, this.pending.length);
    const events: TranscriptEvent[] = [];
    let offset = 0;
    for (; offset + FRAME_BYTES <= joined.length; offset += FRAME_BYTES) {
      events.push(...this.judgeWindow(joined.subarray(offset, offset + FRAME_BYTES)));
    }
    this.pending = joined.slice(offset);
    return events;
  }

  /** `Finalize`: a final result for what was heard so far, marked `from_finalize`. */
  finalize(): TranscriptEvent[] {
    const words = this.tracker.pendingWords();
    this.tracker.markFinalized();
    if (!this.detector.inSpeech) this.tracker.endSegment();
    return [this.results({ isFinal: true, speechFinal: false, fromFinalize: true, words })];
  }

  /** `CloseStream`: a final result for speech still going on, if any. */
  flush(): TranscriptEvent[] {
    const words = this.tracker.pendingWords();
    if (!this.detector.inSpeech && words.length === 0) return [];
    this.tracker.markFinalized();
    this.tracker.endSegment();
    return [this.results({ isFinal: true, speechFinal: false, fromFinalize: false, words })];
  }

  private judgeWindow(window: Uint8Array): TranscriptEvent[] {
    this.tracker.hear(window, this.detector.positionMs, mulawLevelDbfs(window) > this.settings.thresholdDbfs);
    const events = this.detector.push(window).flatMap((event) => this.onSpeechEvent(event));
    events.push(...this.interimIfDue(), ...this.utteranceEndIfDue());
    return events;
  }

  private onSpeechEvent(event: SpeechEvent): TranscriptEvent[] {
    if (event.kind === 'speech-start') {
      this.lastResultAtMs = Math.max(this.lastResultAtMs, event.startedAtMs);
      return this.settings.vadEvents ? [{ kind: 'speech-started', atMs: event.startedAtMs }] : [];
    }
    const words = this.tracker.pendingWords();
    this.tracker.markFinalized();
    this.tracker.endSegment();
    return [this.results({ isFinal: true, speechFinal: this.settings.endpointingMs !== false, fromFinalize: false, words })];
  }

  private interimIfDue(): TranscriptEvent[] {
    if (!this.settings.interimResults) return [];
    if (this.detector.positionMs - this.lastResultAtMs < this.settings.interimIntervalMs) return [];
    if (!this.detector.inSpeech && !this.settings.emptyInterimsInSilence) return [];
    const words = this.detector.inSpeech ? this.tracker.pendingWords() : [];
    return [this.results({ isFinal: false, speechFinal: false, fromFinalize: false, words })];
  }

  private utteranceEndIfDue(): TranscriptEvent[] {
    const { utteranceEndMs } = this.settings;
    if (utteranceEndMs === undefined || this.lastWordEndMs === undefined || this.utteranceEndSent) return [];
    if (this.detector.inSpeech && this.tracker.recognised) return [];
    if (this.detector.positionMs - this.lastWordEndMs < utteranceEndMs) return [];
    this.utteranceEndSent = true;
    return [{ kind: 'utterance-end', lastWordEndMs: this.lastWordEndMs }];
  }

  private results(shape: { isFinal: boolean; speechFinal: boolean; fromFinalize: boolean; words: readonly HeardWord[] }): TranscriptEvent {
    const endMs = this.detector.positionMs;
    const event: TranscriptEvent = { kind: 'results', startMs: this.segmentStartMs, endMs, ...shape };
    this.lastResultAtMs = endMs;
    if (shape.isFinal) this.segmentStartMs = endMs;
    const lastWord = shape.words.at(-1);
    if (lastWord !== undefined && (this.lastWordEndMs === undefined || lastWord.endMs > this.lastWordEndMs)) {
      this.lastWordEndMs = lastWord.endMs;
      this.utteranceEndSent = false;
    }
    return event;
  }
}
