import { performance } from 'node:perf_hooks';

const MAX_CATCH_UP_TICKS = 50;

/**
 * A drift-free periodic tick on the monotonic clock: tick n is due at start + n x period, and
 * each timer is set for the next due time (never a fixed interval), so timer lateness does not
 * accumulate. After a stall, missed ticks run back to back (as a network delivers a burst),
 * up to MAX_CATCH_UP_TICKS; beyond that the schedule restarts from now.
 */
export class FrameClock {
  private startMs = 0;
  private ticks = 0;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly periodMs: number,
    private readonly onTick: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The first tick is one period from now. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.startMs = this.now();
    this.ticks = 0;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const dueMs = this.startMs + (this.ticks + 1) * this.periodMs;
    this.timer = setTimeout(() => this.fire(), Math.max(0, dueMs - this.now()));
  }

  private fire(): void {
    let ran = 0;
    while (this.running && this.now() >= this.startMs + (this.ticks + 1) * this.periodMs) {
      if (ran === MAX_CATCH_UP_TICKS) {
        this.startMs = this.now() - this.periodMs;
        this.ticks = 0;
      }
      this.ticks += 1;
      ran += 1;
      this.onTick();
    }
    if (this.running) this.schedule();
  }
}
