import { z } from 'zod';
import { pageQueryShape, phoneE164Schema } from '../http/common.schemas';

export const addDncSchema = z.strictObject({
  phoneE164: phoneE164Schema,
  reason: z.string().trim().min(1).max(200).optional(),
});
export type AddDncInput = z.infer<typeof addDncSchema>;

export const dncParamsSchema = z.strictObject({ phone: phoneE164Schema });

export const listDncQuerySchema = z.strictObject(pageQueryShape);
