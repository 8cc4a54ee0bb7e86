import { mulawLevelDbfs } from './audio.energy';
import { BYTES_PER_MS, FRAME_BYTES, FRAME_DURATION_MS } from './telephony-audio.format';

export interface SpeechDetectorPolicy {
  /** A 20 ms window louder than this is voiced. */
  readonly thresholdDbfs: number;
  /** Voiced time needed before speech counts as started. */
  readonly onsetMs: number;
  /** Unvoiced time after speech before it counts as ended (endpointing). */
  readonly hangoverMs: number;
}

export const DEFAULT_SPEECH_DETECTOR_POLICY: SpeechDetectorPolicy = Object.freeze({
  thresholdDbfs: -45,
  onsetMs: 60,
  hangoverMs: 300,
});

/** Offsets are milliseconds of audio received since the detector was created. */
export type SpeechEvent =
  | { readonly kind: 'speech-start'; readonly atMs: number; readonly startedAtMs: number }
  | { readonly kind: 'speech-end'; readonly atMs: number; readonly lastVoicedAtMs: number };

/**
 * Energy-based voice activity on a mu-law stream of any chunking: judges each 20 ms window,
 * reports speech start after `onsetMs` of voice and speech end after `hangoverMs` of quiet.
 */
export class EnergySpeechDetector {
  private pending = new Uint8Array(0);
  private receivedMs = 0;
  private speaking = false;
  private voicedRunMs = 0;
  private voicedRunStartMs = 0;
  private lastVoicedEndMs = 0;

  constructor(private readonly policy: SpeechDetectorPolicy = DEFAULT_SPEECH_DETECTOR_POLICY) {}

  get inSpeech(): boolean {
    return this.speaking;
  }

  /** Milliseconds of audio seen so far. */
  get positionMs(): number {
    return this.receivedMs;
  }

  push(audio: Uint8Array): SpeechEvent[] {
    const events: SpeechEvent[] = [];
    const joined = new Uint8Array(this.pending.length + audio.length);
    joined.set(this.pending);
    joined.set(audio, this.pending.length);
    let offset = 0;
    for (; offset + FRAME_BYTES <= joined.length; offset += FRAME_BYTES) {
      const event = this.judgeWindow(joined.subarray(offset, offset + FRAME_BYTES));
      if (event) events.push(event);
    }
    this.pending = joined.slice(offset);
    return events;
  }

  private judgeWindow(window: Uint8Array): SpeechEvent | undefined {
    const startMs = this.receivedMs;
    this.receivedMs += window.length / BYTES_PER_MS;
    const voiced = mulawLevelDbfs(window) > this.policy.thresholdDbfs;
    if (voiced) {
      if (this.voicedRunMs === 0) this.voicedRunStartMs = startMs;
      this.voicedRunMs += FRAME_DURATION_MS;
      this.lastVoicedEndMs = this.receivedMs;
      if (!this.speaking && this.voicedRunMs >= this.policy.onsetMs) {
        this.speaking = true;
        return { kind: 'speech-start', atMs: this.receivedMs, startedAtMs: this.voicedRunStartMs };
      }
      return undefined;
    }
    this.voicedRunMs = 0;
    if (this.speaking && this.receivedMs - this.lastVoicedEndMs >= this.policy.hangoverMs) {
      this.speaking = false;
      return { kind: 'speech-end', atMs: this.receivedMs, lastVoicedAtMs: this.lastVoicedEndMs };
    }
    return undefined;
  }
}
