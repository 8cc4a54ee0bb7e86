import { Buffer } from 'node:buffer';

/** What a simulated caller is about to say: its exact audio and the words in it. */
export interface RegisteredUtterance {
  readonly id: number;
  readonly text: string;
  readonly words: readonly string[];
  readonly audio: Buffer;
}

export interface UtteranceMatch {
  readonly utterance: RegisteredUtterance;
  /** Share of the utterance's audio heard so far, 0..1 (from where the probe sits in it). */
  readonly progress: number;
}

const PROBE_BYTES = 160;
const MAX_REGISTERED = 2_000;

/**
 * The side channel between the simulated caller and the Deepgram stand-in, which cannot
 * recognise speech. The caller registers each utterance's audio and words before speaking;
 * the stand-in finds which utterance it is hearing by locating received bytes inside the
 * registered audio (mu-law passes through the platform untouched, whatever its chunking), so
 * any number of concurrent calls stay apart without sharing any identifier.
 */
export class UtteranceRegistry {
  private readonly utterances: RegisteredUtterance[] = [];
  private nextId = 1;

  register(text: string, audio: Uint8Array): RegisteredUtterance {
    const utterance: RegisteredUtterance = {
      id: this.nextId++,
      text,
      words: text.split(/\s+/).filter((word) => word.length > 0),
      audio: Buffer.from(audio),
    };
    this.utterances.push(utterance);
    if (this.utterances.length > MAX_REGISTERED) this.utterances.shift();
    return utterance;
  }

  /**
   * Which utterance `heard` (the latest speech bytes of one stream) belongs to: the last
   * PROBE_BYTES of it are searched in every registered utterance, newest first.
   */
  match(heard: Uint8Array): UtteranceMatch | undefined {
    if (heard.length < PROBE_BYTES) return undefined;
    const probe = Buffer.from(heard.subarray(heard.length - PROBE_BYTES));
    if (probe.every((byte) => byte === probe[0])) return undefined;
    for (let index = this.utterances.length - 1; index >= 0; index -= 1) {
      const utterance = this.utterances[index];
      if (utterance === undefined) continue;
      const at = utterance.audio.indexOf(probe);
      if (at >= 0) return { utterance, progress: Math.min(1, (at + PROBE_BYTES) / utterance.audio.length) };
    }
    return undefined;
  }

  /** The words heard by `progress` of the utterance (at least one once anything is heard). */
  static wordsUpTo(utterance: RegisteredUtterance, progress: number): readonly string[] {
    const count = Math.max(1, Math.round(utterance.words.length * progress));
    return utterance.words.slice(0, count);
  }
}
