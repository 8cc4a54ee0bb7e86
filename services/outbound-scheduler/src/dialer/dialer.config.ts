import { envVar } from '@va/config';
import { breakerConfigShape } from '@va/resilience';
import { z } from 'zod';

/**
 * The dialer's variables. All optional so the service boots bare: without the Twilio account,
 * auth token and MEDIA_GATEWAY_PUBLIC_URL the dialer does not run (and says so once); the
 * callbacks answer 403 without an auth token. The Twilio names are the media-gateway's.
 */
export const dialerConfigShape = Object.freeze({
  TWILIO_ACCOUNT_SID: z.string().trim().regex(/^AC[0-9a-f]{32}$/i, 'expected "AC" followed by 32 hex digits').optional(),
  TWILIO_AUTH_TOKEN: envVar.optionalSecret(),
  TWILIO_API_BASE_URL: envVar.optionalUrl(),
  /** The media-gateway's public origin: answered calls fetch <it>/twilio/voice?callId=... */
  MEDIA_GATEWAY_PUBLIC_URL: envVar.optionalUrl(),
  /** The scheduler's own public origin for Twilio's callbacks; else its listening address. */
  PUBLIC_BASE_URL: envVar.optionalUrl(),
  DIALER_POLL_INTERVAL_MS: envVar.durationMs(1_000).refine((ms) => ms >= 10, 'expected at least 10 ms'),
  /** How long a lease (and an unacknowledged dial) lasts before recovery takes the attempt back. */
  DIALER_LEASE_MS: envVar.durationMs(60_000).refine((ms) => ms >= 1_000, 'expected at least 1000 ms'),
  /**
   * A placed call with no status news for this long (its terminal callback lost) is fetched
   * from Twilio and, when it has ended, finished as its callback would have; checked again after as long.
   */
  DIALER_STUCK_CALL_MS: envVar.durationMs(600_000).refine((ms) => ms >= 1_000, 'expected at least 1000 ms'),
  /** Calls placed per second by one scheduler instance (a token bucket; N replicas place up to N × this). */
  OUTBOUND_CALLS_PER_SECOND: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'expected a positive number')
    .transform(Number)
    .refine((rate) => rate > 0 && rate <= 1_000, 'expected a number above 0 and at most 1000')
    .default(5),
  ...breakerConfigShape,
});

export interface DialerConfig {
  readonly TWILIO_ACCOUNT_SID: string | undefined;
  readonly TWILIO_AUTH_TOKEN: string | undefined;
  readonly TWILIO_API_BASE_URL: string | undefined;
  readonly MEDIA_GATEWAY_PUBLIC_URL: string | undefined;
  readonly PUBLIC_BASE_URL: string | undefined;
  readonly DIALER_POLL_INTERVAL_MS: number;
  readonly DIALER_LEASE_MS: number;
  readonly DIALER_STUCK_CALL_MS: number;
  readonly OUTBOUND_CALLS_PER_SECOND: number;
  readonly PROVIDER_BREAKER_RESET_MS: number;
}
