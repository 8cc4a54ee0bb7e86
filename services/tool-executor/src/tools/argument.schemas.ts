import { z } from 'zod';

/** Argument shapes several tools share, so a phone number or a coverage means one thing everywhere. */
export const e164Phone = z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'an E.164 phone number, e.g. +15551234567');
export const coverageKind = z.enum(['dental', 'vision', 'hearing', 'other']);
export const householdKind = z.enum(['individual', 'spouse', 'family']);
export const productCode = z.string().trim().min(1).max(64);
export const shortReason = z.string().trim().min(1).max(200);

/**
 * A refinement for arguments that name one thing two ways (a client by id or by phone): exactly
 * one of `keys` is given. The issue is reported on the first key and names both.
 */
export function exactlyOneOf<K extends string>(keys: readonly [K, K]): { check: (value: Partial<Record<K, unknown>>) => boolean; params: { message: string; path: string[] } } {
  return {
    check: (value) => keys.filter((key) => value[key] !== undefined).length === 1,
    params: { message: `give exactly one of ${keys.join(', ')}`, path: [keys[0]] },
  };
}

/** A calendar date as YYYY-MM-DD that exists (no February 30) and is not in the future: a date of birth. */
export const pastCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD, e.g. 1961-04-23')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) && date.getTime() <= Date.now() && date.getUTCFullYear() >= 1900;
  }, 'a real date between 1900 and today');
