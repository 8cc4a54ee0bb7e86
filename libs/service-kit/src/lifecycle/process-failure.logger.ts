import type { Logger } from '@va/observability';
import { errorFields } from '../logging/error.fields';

/**
 * A rejected promise nobody awaited is logged and the process keeps serving (a crash would
 * drop every live call of the instance). An uncaught exception leaves state unknown, so it is
 * logged and the process exits with 1 for the orchestrator to restart it.
 */
export function logProcessFailures(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled promise rejection', errorFields(reason));
  });
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception', errorFields(error));
    process.exit(1);
  });
}
