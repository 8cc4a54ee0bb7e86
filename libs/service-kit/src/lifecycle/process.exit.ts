import type { Logger } from '@va/observability';
import { errorFields } from '../logging/error.fields';

export interface ExitPlan {
  readonly logger: Logger;
  /** Hard deadline: when `work` has not settled by then, the process exits with code 1. */
  readonly deadlineMs: number;
  /** Exit code once `work` has resolved; a rejection exits with 1. */
  readonly exitCode: number;
}

/** Runs the closing work under a hard deadline, then ends the process. */
export async function exitAfter(work: () => Promise<void>, plan: ExitPlan): Promise<never> {
  const { logger } = plan;
  const deadline = setTimeout(() => {
    logger.error('shutdown deadline exceeded', { deadlineMs: plan.deadlineMs });
    process.exit(1);
  }, plan.deadlineMs);
  let exitCode = plan.exitCode;
  try {
    await work();
    logger.info('shutdown complete', { exitCode });
  } catch (error) {
    exitCode = 1;
    logger.error('shutdown failed', errorFields(error));
  }
  clearTimeout(deadline);
  process.exit(exitCode);
}
