import { z } from 'zod';

/**
 * What a stand-in does wrong, and how slowly, for the next requests or connections. Every
 * stand-in takes the same plan, switchable per test and at runtime.
 */
export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** Answer with this HTTP status (5xx, 429) and the vendor's error body; WS: refuse the upgrade. */
  z.object({ kind: z.literal('http-error'), status: z.number().int().min(400).max(599), retryAfterSeconds: z.number().int().min(0).optional() }),
  /** Accept the request or connection and never answer. */
  z.object({ kind: z.literal('hang') }),
  /** Connect, accept input, never produce output. */
  z.object({ kind: z.literal('silence') }),
  /** Produce this many output chunks, then drop the connection. */
  z.object({ kind: z.literal('disconnect'), afterChunks: z.number().int().min(0) }),
  /** Slow trickle: split output into chunks of this size, this far apart. */
  z.object({ kind: z.literal('trickle'), chunkBytes: z.number().int().min(1), intervalMs: z.number().int().min(0) }),
]);

export type Fault = z.infer<typeof faultSchema>;

export const faultPlanSchema = z.object({
  /** Delay before the first result, token or audio byte. */
  firstByteDelayMs: z.number().int().min(0).max(120_000),
  /** Pause between later output chunks (the rate); 0 sends them as produced. */
  chunkIntervalMs: z.number().int().min(0).max(60_000),
  fault: faultSchema,
  /** How many upcoming requests or connections the fault applies to; absent: until changed. */
  remaining: z.number().int().min(1).optional(),
});

export type FaultPlan = z.infer<typeof faultPlanSchema>;

export const NO_FAULTS: FaultPlan = Object.freeze({ firstByteDelayMs: 0, chunkIntervalMs: 0, fault: { kind: 'none' as const } });
