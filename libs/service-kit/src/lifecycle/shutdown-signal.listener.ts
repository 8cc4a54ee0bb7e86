export type ShutdownSignal = 'SIGTERM' | 'SIGINT';

const SHUTDOWN_SIGNALS: readonly ShutdownSignal[] = ['SIGTERM', 'SIGINT'];

/**
 * Calls `onFirst` for the first SIGTERM/SIGINT and `onRepeat` for any later one; the
 * listeners stay installed so a repeated signal does not kill the process mid-shutdown.
 */
export function onShutdownSignal(onFirst: (signal: ShutdownSignal) => void, onRepeat: (signal: ShutdownSignal) => void): void {
  let received = false;
  for (const signal of SHUTDOWN_SIGNALS) {
    process.on(signal, () => {
      if (received) {
        onRepeat(signal);
        return;
      }
      received = true;
      onFirst(signal);
    });
  }
}
