/** A tool's answer as the LLM turn sees it. */
export type ToolAnswer =
  | { readonly ok: true; readonly result: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly code: string; readonly message: string };

interface Waiter {
  readonly resolve: (answer: ToolAnswer) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Tool requests an LLM turn on this instance is waiting for, by request ID. A result resolves its
 * waiter at once (it does not queue behind the call's other events); no result within the
 * timeout resolves it as `unavailable`, so the model can tell the caller.
 */
export class ToolResultWaiters {
  private readonly waiting = new Map<string, Waiter>();

  wait(requestId: string, timeoutMs: number): Promise<ToolAnswer> {
    return new Promise<ToolAnswer>((resolve) => {
      const timer = setTimeout(() => this.settle(requestId, { ok: false, code: 'unavailable', message: 'the tool did not answer in time' }), timeoutMs);
      timer.unref();
      this.waiting.set(requestId, { resolve, timer });
    });
  }

  /** Hands a result to its waiter; false when no turn here waits for it. */
  settle(requestId: string, answer: ToolAnswer): boolean {
    const waiter = this.waiting.get(requestId);
    if (waiter === undefined) return false;
    this.waiting.delete(requestId);
    clearTimeout(waiter.timer);
    waiter.resolve(answer);
    return true;
  }

  /** Every waiter answers `unavailable` (shutdown). */
  clear(): void {
    for (const requestId of [...this.waiting.keys()]) this.settle(requestId, { ok: false, code: 'unavailable', message: 'the service is stopping' });
  }
}
