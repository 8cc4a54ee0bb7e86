import type { Scheduler } from './scheduler.port';

/** A scheduler whose time moves only when a test calls `advance`. */
export class ManualScheduler implements Scheduler {
  private now = 1_000_000;
  private readonly tasks = new Set<{ intervalMs: number; nextMs: number; task: () => void }>();
  private sleepers: Array<{ dueMs: number; wake: () => void }> = [];

  nowMs(): number {
    return this.now;
  }

  every(intervalMs: number, task: () => void): () => void {
    const entry = { intervalMs, nextMs: this.now + intervalMs, task };
    this.tasks.add(entry);
    return () => this.tasks.delete(entry);
  }

  sleep(delayMs: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ dueMs: this.now + delayMs, wake }));
  }

  advance(ms: number): void {
    this.now += ms;
    for (const entry of this.tasks) {
      while (entry.nextMs <= this.now) {
        entry.nextMs += entry.intervalMs;
        entry.task();
      }
    }
    const due = this.sleepers.filter((sleeper) => sleeper.dueMs <= this.now);
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.dueMs > this.now);
    for (const sleeper of due) sleeper.wake();
  }
}
