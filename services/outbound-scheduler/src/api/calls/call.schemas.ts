import { z } from 'zod';
import { pageQueryShape, uuidSchema } from '../http/common.schemas';

export const listCallsQuerySchema = z.strictObject({
  ...pageQueryShape,
  campaignId: uuidSchema.optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
});

export type ListCallsQuery = z.infer<typeof listCallsQuerySchema>;

/** Call ids are the platform's own ("call_<uuid>" and the like), never free text. */
export const callParamsSchema = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'is not a call id') });
