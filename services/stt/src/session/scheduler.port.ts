/** The clock and timers the sessions run on: the system's in the service, a manual one in tests. */
export interface Scheduler {
  nowMs(): number;
  /** Runs `task` every `intervalMs` until the returned function is called. */
  every(intervalMs: number, task: () => void): () => void;
  /** Resolves after `delayMs`. */
  sleep(delayMs: number): Promise<void>;
}

export const systemScheduler: Scheduler = {
  nowMs: () => Date.now(),
  every: (intervalMs, task) => {
    const timer = setInterval(task, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  },
  sleep: (delayMs) =>
    new Promise((resolve) => {
      setTimeout(resolve, delayMs).unref();
    }),
};
