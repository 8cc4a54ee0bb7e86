/** What waiting for a stream's next item ended with. */
export type NextItem<T> =
  | { readonly kind: 'item'; readonly value: T }
  | { readonly kind: 'done' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'stalled' };

/**
 * Waits for the iterator's next item, answering `cancelled` the moment `signal` aborts (even
 * from a stream that ignores its signal) and `stalled` after `stallTimeoutMs` when given. An
 * error from the stream rejects, unless the signal has aborted by then (`cancelled`). A pending
 * item left behind has its rejection absorbed: its request was aborted and nobody reads it.
 */
export function nextItem<T>(iterator: AsyncIterator<T>, signal: AbortSignal, stallTimeoutMs?: number): Promise<NextItem<T>> {
  if (signal.aborted) return Promise.resolve({ kind: 'cancelled' });
  const pending = iterator.next();
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = (outcome: NextItem<T>) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = () => {
      pending.catch(() => undefined);
      settle({ kind: 'cancelled' });
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (stallTimeoutMs !== undefined) {
      timer = setTimeout(() => {
        pending.catch(() => undefined);
        settle({ kind: 'stalled' });
      }, stallTimeoutMs);
    }
    pending.then(
      (result) => settle(result.done === true ? { kind: 'done' } : { kind: 'item', value: result.value }),
      (error: unknown) => {
        if (signal.aborted) return settle({ kind: 'cancelled' });
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
