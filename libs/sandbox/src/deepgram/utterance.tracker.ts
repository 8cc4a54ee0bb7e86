import { BYTES_PER_MS, FRAME_BYTES, mulawLevelDbfs } from '@va/audio';
import { UtteranceRegistry, type RegisteredUtterance } from '../side-channel/utterance.registry';

/** A word the stand-in "recognised", timed in stream milliseconds. */
export interface HeardWord {
  /** As registered (capitalisation and punctuation kept). */
  readonly text: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** One playback of a registered utterance found in the stream. */
interface HeardPart {
  readonly utterance: RegisteredUtterance;
  /** Stream time (ms) at which byte 0 of the registered audio was (or would have been) heard. */
  readonly originMs: number;
  /** End (exclusive) of the registered audio heard so far, in bytes. */
  endAt: number;
  /** Words of this playback already sent in a final result. */
  finalizedWords: number;
}

interface VoicedExtent {
  readonly start: number;
  readonly end: number;
}

const SCAN_INTERVAL_MS = 100;
const COMPLETE_WITHIN_BYTES = 2 * FRAME_BYTES;
const HISTORY_PARTS = 16;

/**
 * Knows which words a stream has spoken, since nothing here recognises speech: stream windows
 * are located in the `callerSpeech` registry (a full search only on voiced windows that do not
 * simply continue the playback already found, at most every SCAN_INTERVAL_MS), and the words
 * are spread evenly over the voiced part of the registered audio.
 */
export class UtteranceTracker {
  private parts: HeardPart[] = [];
  private history: HeardPart[] = [];
  private lastScanMs = Number.NEGATIVE_INFINITY;
  private pendingProbe: { window: Uint8Array; startMs: number } | undefined;
  private readonly extents = new Map<number, VoicedExtent>();

  constructor(
    private readonly registry: UtteranceRegistry,
    private readonly thresholdDbfs: number,
  ) {}

  /** True once part of a registered utterance was found in the current segment. */
  get recognised(): boolean {
    return this.parts.length > 0;
  }

  /** One stream window (FRAME_BYTES, aligned) starting at `startMs`; `voiced` as judged by energy. */
  hear(window: Uint8Array, startMs: number, voiced: boolean): void {
    const last = this.parts.at(-1);
    if (last !== undefined && continues(last, window)) {
      last.endAt += window.length;
      return;
    }
    if (!voiced) return;
    if (startMs - this.lastScanMs < SCAN_INTERVAL_MS) {
      this.pendingProbe = { window: Uint8Array.from(window), startMs };
      return;
    }
    this.scan(window, startMs);
  }

  /** Words heard in the current segment and not yet finalized. */
  pendingWords(): HeardWord[] {
    this.settle();
    return this.parts.flatMap((part) => this.wordsOf(part).slice(part.finalizedWords));
  }

  /** Freezes what has been heard: later results only carry words after these. */
  markFinalized(): void {
    this.settle();
    for (const part of this.parts) part.finalizedWords = this.wordsOf(part).length;
  }

  /** Ends the segment: the next speech starts a new one. */
  endSegment(): void {
    this.history = [...this.history, ...this.parts].slice(-HISTORY_PARTS);
    this.parts = [];
    this.pendingProbe = undefined;
  }

  private settle(): void {
    const probe = this.pendingProbe;
    this.pendingProbe = undefined;
    if (probe !== undefined) this.scan(probe.window, probe.startMs);
  }

  private scan(window: Uint8Array, startMs: number): void {
    this.lastScanMs = startMs;
    this.pendingProbe = undefined;
    const match = this.registry.match(window);
    if (match === undefined) return;
    const { utterance } = match;
    const at = Math.round(match.progress * utterance.audio.length) - window.length;
    if (at < 0 || !utterance.audio.subarray(at, at + window.length).equals(window)) return;
    const originMs = startMs - at / BYTES_PER_MS;
    const last = this.parts.at(-1);
    if (last !== undefined && samePlayback(last, utterance, originMs)) {
      last.endAt = Math.max(last.endAt, at + window.length);
      return;
    }
    const earlier = this.history.find((part) => samePlayback(part, utterance, originMs));
    this.parts.push({ utterance, originMs, endAt: at + window.length, finalizedWords: earlier?.finalizedWords ?? 0 });
  }

  private wordsOf(part: HeardPart): HeardWord[] {
    const extent = this.extentOf(part.utterance);
    const words = part.utterance.words;
    if (part.endAt <= extent.start || words.length === 0) return [];
    const span = extent.end - extent.start;
    const complete = extent.end - part.endAt <= COMPLETE_WITHIN_BYTES;
    const progress = complete ? 1 : Math.min(1, (part.endAt - extent.start) / span);
    const count = UtteranceRegistry.wordsUpTo(part.utterance, progress).length;
    const byteToMs = (offset: number): number => part.originMs + offset / BYTES_PER_MS;
    return words.slice(0, count).map((text, index) => ({
      text,
      startMs: byteToMs(extent.start + (index * span) / words.length),
      endMs: byteToMs(extent.start + ((index + 1) * span) / words.length),
    }));
  }

  private extentOf(utterance: RegisteredUtterance): VoicedExtent {
    const known = this.extents.get(utterance.id);
    if (known !== undefined) return known;
    let start = -1;
    let end = utterance.audio.length;
    for (let offset = 0; offset < utterance.audio.length; offset += FRAME_BYTES) {
      const window = utterance.audio.subarray(offset, offset + FRAME_BYTES);
      if (mulawLevelDbfs(window) <= this.thresholdDbfs) continue;
      if (start < 0) start = offset;
      end = offset + window.length;
    }
    const extent = { start: Math.max(0, start), end };
    this.extents.set(utterance.id, extent);
    return extent;
  }
}

function continues(part: HeardPart, window: Uint8Array): boolean {
  const expected = part.utterance.audio.subarray(part.endAt, part.endAt + window.length);
  return expected.length === window.length && expected.equals(window);
}

function samePlayback(part: HeardPart, utterance: RegisteredUtterance, originMs: number): boolean {
  return part.utterance.id === utterance.id && Math.abs(part.originMs - originMs) < 1;
}
