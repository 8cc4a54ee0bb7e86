import { setTimeout as sleep } from 'node:timers/promises';

export class TimeoutError extends Error {
  constructor(label: string, timeoutMs: number) {
    super(`${label} timed out after ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/** Settles like `work`, or rejects with TimeoutError once `timeoutMs` has passed. */
export async function raceTimeout<T>(work: Promise<T>, timeoutMs: number, label: string): Promise<T> {
  const abort = new AbortController();
  const timeout = sleep(timeoutMs, undefined, { signal: abort.signal }).then(() => {
    throw new TimeoutError(label, timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    abort.abort();
    timeout.catch(() => undefined);
  }
}
