export const CANCELLED: unique symbol = Symbol('cancelled');
export const STALLED: unique symbol = Symbol('stalled');

/**
 * Waits for `promise`, or answers CANCELLED as soon as `signal` aborts, or STALLED after
 * `timeoutMs` (when given). A promise left behind has its rejection absorbed: its request
 * was aborted and nobody reads it any more.
 */
export function abortableWait<T>(promise: Promise<T>, signal: AbortSignal, timeoutMs?: number): Promise<T | typeof CANCELLED | typeof STALLED> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.resolve(CANCELLED);
  }
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      settle();
      resolve(CANCELLED);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        settle();
        resolve(STALLED);
      }, timeoutMs);
    }
    promise.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
