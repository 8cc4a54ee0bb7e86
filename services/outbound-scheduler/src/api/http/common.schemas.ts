import { z } from 'zod';

/** An id path parameter: checked to be a UUID before it reaches SQL. */
export const uuidSchema = z.uuid({ message: 'must be a UUID' });

export const idParamsSchema = z.strictObject({ id: uuidSchema });

export const E164_PATTERN = /^\+[1-9][0-9]{6,14}$/;

export const phoneE164Schema = z.string().regex(E164_PATTERN, 'must be an E.164 phone number, e.g. +15551234567');

export const MAX_PAGE_LIMIT = 200;
export const DEFAULT_PAGE_LIMIT = 50;

/** `?limit=&cursor=`: every list endpoint's paging, extended with the endpoint's own filters. */
export const pageQueryShape = {
  limit: z.coerce.number().int('must be an integer').min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
  cursor: z.string().min(1).max(500).optional(),
};

export const pageQuerySchema = z.strictObject(pageQueryShape);
