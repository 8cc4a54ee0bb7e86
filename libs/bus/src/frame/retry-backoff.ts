import type { RetryPolicy } from '../bus';

/**
 * Delay before the next attempt: exponential from the policy's initial back-off, capped, with
 * the upper half jittered so that retries of many keys do not move in lockstep.
 */
export function backoffDelayMs(policy: RetryPolicy, failedAttempt: number, random: () => number = Math.random): number {
  const exponential = policy.initialBackoffMs * 2 ** Math.max(0, failedAttempt - 1);
  const capped = Math.min(policy.maxBackoffMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}
