import { envVar } from '@va/config';
import type { BreakerOptions } from './provider.breaker';

/**
 * The breaker settings operators tune, the same for every provider chain of a service:
 * PROVIDER_BREAKER_RESET_MS, how long an open breaker waits before one trial attempt (half-open).
 */
export const breakerConfigShape = Object.freeze({
  PROVIDER_BREAKER_RESET_MS: envVar.durationMs(10_000),
});

export function breakerOptionsFromConfig(config: { readonly PROVIDER_BREAKER_RESET_MS: number }): BreakerOptions {
  return { resetTimeoutMs: config.PROVIDER_BREAKER_RESET_MS };
}
