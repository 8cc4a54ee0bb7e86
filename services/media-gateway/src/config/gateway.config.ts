import { commonServiceShape, envVar } from '@va/config';
import { z } from 'zod';

const DEFAULT_MEDIA_DRAIN_GRACE_MS = 30_000;
const DEFAULT_CALLER_AUDIO_CHUNK_MS = 40;

/**
 * The gateway's own variables. Everything is optional so `npm start` boots bare: without
 * TWILIO_AUTH_TOKEN the webhooks answer 503, without TWILIO_ACCOUNT_SID call control is off,
 * without PUBLIC_BASE_URL the service's own listening address is used.
 */
export const gatewayConfigShape = Object.freeze({
  PUBLIC_BASE_URL: envVar.optionalUrl(),
  TWILIO_ACCOUNT_SID: z.string().trim().regex(/^AC[0-9a-f]{32}$/i, 'expected "AC" followed by 32 hex digits').optional(),
  TWILIO_AUTH_TOKEN: envVar.optionalSecret(),
  TWILIO_API_BASE_URL: envVar.optionalUrl(),
  GATEWAY_INSTANCE_ID: z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1-64 characters from A-Z, a-z, 0-9, ".", "_", "-"').optional(),
  MEDIA_DRAIN_GRACE_MS: envVar.durationMs(DEFAULT_MEDIA_DRAIN_GRACE_MS),
  /** Caller audio per call.audio.in message: 20 ms frames gathered to this length (20 to 200, a multiple of 20). */
  CALLER_AUDIO_CHUNK_MS: envVar
    .durationMs(DEFAULT_CALLER_AUDIO_CHUNK_MS)
    .refine((ms) => ms >= 20 && ms <= 200 && ms % 20 === 0, 'expected 20 to 200 ms, a multiple of 20'),
  // The kit's own deadline, read here too so the drain can never outlast it.
  SHUTDOWN_GRACE_MS: commonServiceShape.SHUTDOWN_GRACE_MS,
});

export type GatewayConfig = {
  readonly PUBLIC_BASE_URL: string | undefined;
  readonly TWILIO_ACCOUNT_SID: string | undefined;
  readonly TWILIO_AUTH_TOKEN: string | undefined;
  readonly TWILIO_API_BASE_URL: string | undefined;
  readonly GATEWAY_INSTANCE_ID: string | undefined;
  readonly MEDIA_DRAIN_GRACE_MS: number;
  readonly CALLER_AUDIO_CHUNK_MS: number;
  readonly SHUTDOWN_GRACE_MS: number;
};

/** Time kept back from the shutdown deadline for closing sockets, consumers and pools after the drain. */
const CLOSE_RESERVE_MS = 3_000;

/** The drain grace that fits inside the kit's shutdown deadline (MEDIA_DRAIN_GRACE_MS, clamped). */
export function effectiveDrainGraceMs(config: Pick<GatewayConfig, 'MEDIA_DRAIN_GRACE_MS' | 'SHUTDOWN_GRACE_MS'>): number {
  return Math.max(0, Math.min(config.MEDIA_DRAIN_GRACE_MS, config.SHUTDOWN_GRACE_MS - CLOSE_RESERVE_MS));
}
