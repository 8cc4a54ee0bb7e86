import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * The caller's time source. It must share its time base with the `atMs` of agent frames
 * (performance.now() for the Twilio stand-in).
 */
export interface CallerClock {
  now(): number;
  /** Resolves after `durationMs`; rejects early when `signal` aborts. */
  sleep(durationMs: number, signal?: AbortSignal): Promise<void>;
}

export const systemCallerClock: CallerClock = Object.freeze({
  now: () => performance.now(),
  sleep: (durationMs: number, signal?: AbortSignal) => delay(Math.max(0, durationMs), undefined, { signal }),
});
