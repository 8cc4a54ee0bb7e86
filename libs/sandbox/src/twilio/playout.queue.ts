import { performance } from 'node:perf_hooks';
import { BYTES_PER_MS, FRAME_BYTES } from '@va/audio';

/** How a queued mark ended: its audio finished playing, `clear` dropped it, or the queue was stopped. */
export type MarkOutcome = 'played' | 'cleared' | 'dropped';

type Entry = { readonly kind: 'audio'; bytes: Uint8Array } | { readonly kind: 'mark'; readonly done: (outcome: MarkOutcome) => void };

/**
 * What a phone does with audio sent to it: plays it in order at 8 bytes per ms of real
 * (monotonic) time. Each frame of up to 160 bytes goes to `onFrame` when it starts playing,
 * stamped with its scheduled start, so late timers never stretch the audio. A mark completes
 * when all audio queued before it has finished playing; `clear` drops the queue at once and
 * completes every pending mark as cleared.
 */
export class PlayoutQueue {
  private entries: Entry[] = [];
  /** Monotonic time at which the last started frame finishes playing. */
  private playEndMs = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private played = 0;

  constructor(
    private readonly onFrame: (frame: Uint8Array, atMs: number) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Bytes handed to `onFrame` so far. */
  get playedBytes(): number {
    return this.played;
  }

  enqueueAudio(bytes: Uint8Array): void {
    if (this.stopped || bytes.length === 0) return;
    const now = this.now();
    // Audio arriving after an underrun starts now; audio arriving while playing follows on seamlessly.
    if (!this.entries.some((entry) => entry.kind === 'audio') && this.playEndMs < now) this.playEndMs = now;
    this.entries.push({ kind: 'audio', bytes });
    this.pump();
  }

  enqueueMark(done: (outcome: MarkOutcome) => void): void {
    if (this.stopped) {
      done('dropped');
      return;
    }
    this.entries.push({ kind: 'mark', done });
    this.pump();
  }

  /** Drops queued audio at once and completes pending marks (in order) as cleared. */
  clear(): void {
    const marks = this.takeMarks();
    this.playEndMs = Math.min(this.playEndMs, this.now());
    for (const done of marks) done('cleared');
  }

  /** Stops for good: queued audio is dropped and pending marks complete as dropped. */
  stop(): void {
    this.stopped = true;
    for (const done of this.takeMarks()) done('dropped');
  }

  private takeMarks(): Array<(outcome: MarkOutcome) => void> {
    this.cancelTimer();
    const marks = this.entries.flatMap((entry) => (entry.kind === 'mark' ? [entry.done] : []));
    this.entries = [];
    return marks;
  }

  private pump(): void {
    this.cancelTimer();
    if (this.stopped) return;
    const now = this.now();
    for (;;) {
      const head = this.entries[0];
      if (head === undefined) return;
      if (this.playEndMs > now) {
        this.timer = setTimeout(() => this.pump(), Math.max(1, Math.ceil(this.playEndMs - now)));
        return;
      }
      if (head.kind === 'mark') {
        this.entries.shift();
        head.done('played');
        if (this.stopped) return;
        continue;
      }
      const frame = this.takeFrame();
      const startMs = this.playEndMs;
      this.playEndMs = startMs + frame.length / BYTES_PER_MS;
      this.played += frame.length;
      this.onFrame(frame, startMs);
      if (this.stopped) return;
    }
  }

  /** Up to one frame of audio from the consecutive audio entries at the head of the queue. */
  private takeFrame(): Uint8Array {
    const frame = new Uint8Array(FRAME_BYTES);
    let filled = 0;
    while (filled < FRAME_BYTES) {
      const head = this.entries[0];
      if (head === undefined || head.kind !== 'audio') break;
      const take = Math.min(FRAME_BYTES - filled, head.bytes.length);
      frame.set(head.bytes.subarray(0, take), filled);
      filled += take;
      if (take === head.bytes.length) this.entries.shift();
      else head.bytes = head.bytes.subarray(take);
    }
    return frame.subarray(0, filled);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
