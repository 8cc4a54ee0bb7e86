import type { PlaybackSink } from './playback.sink';
import type { TickerClock } from './playout.ticker';

/** A manual clock: timers run only when the test advances time (optionally each `lateByMs` late). */
export class ManualClock implements TickerClock {
  private timeMs = 0;
  private timers: Array<{ dueMs: number; callback: () => void; id: number }> = [];
  private nextId = 0;

  constructor(private readonly lateByMs = 0) {}

  now(): number {
    return this.timeMs;
  }

  schedule(callback: () => void, delayMs: number): () => void {
    const id = (this.nextId += 1);
    this.timers.push({ dueMs: this.timeMs + Math.max(0, delayMs) + this.lateByMs, callback, id });
    return () => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  }

  advance(ms: number): void {
    const endMs = this.timeMs + ms;
    for (;;) {
      this.timers.sort((a, b) => a.dueMs - b.dueMs);
      const next = this.timers[0];
      if (next === undefined || next.dueMs > endMs) break;
      this.timers.shift();
      this.timeMs = next.dueMs;
      next.callback();
    }
    this.timeMs = endMs;
  }
}

export type SinkEvent = { readonly kind: 'media'; readonly frame: Uint8Array; readonly atMs: number } | { readonly kind: 'mark'; readonly name: string; readonly atMs: number } | { readonly kind: 'clear'; readonly atMs: number };

/** Records what playback sent, stamped with the clock's time. */
export class RecordingSink implements PlaybackSink {
  readonly events: SinkEvent[] = [];

  constructor(private readonly clock: { now(): number }) {}

  media(frame: Uint8Array): void {
    this.events.push({ kind: 'media', frame, atMs: this.clock.now() });
  }

  mark(name: string): void {
    this.events.push({ kind: 'mark', name, atMs: this.clock.now() });
  }

  clear(): void {
    this.events.push({ kind: 'clear', atMs: this.clock.now() });
  }

  frames(): Array<{ frame: Uint8Array; atMs: number }> {
    return this.events.flatMap((event) => (event.kind === 'media' ? [{ frame: event.frame, atMs: event.atMs }] : []));
  }

  kinds(): string[] {
    return this.events.map((event) => (event.kind === 'mark' ? `mark:${event.name}` : event.kind));
  }
}
