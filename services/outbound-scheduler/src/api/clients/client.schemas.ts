import { z } from 'zod';
import { COVERAGE_GAPS } from '../campaigns/campaign.schemas';
import { pageQueryShape, phoneE164Schema, uuidSchema } from '../http/common.schemas';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** One client as the API accepts it (a JSON body, a JSON import element, a CSV row). */
export const clientInputSchema = z.strictObject({
  firstName: z.string().trim().min(1, 'must not be empty').max(100),
  lastName: z.string().trim().min(1, 'must not be empty').max(100),
  phoneE164: phoneE164Schema,
  /** Sealed with the field cipher before it is stored; never returned. */
  dateOfBirth: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }).optional(),
  /** Sealed with the field cipher before it is stored; never returned. */
  memberId: z.string().trim().min(1).max(64).optional(),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. America/Chicago').optional(),
  currentPlan: z.string().trim().max(200).optional(),
  coverageGaps: z.array(z.enum(COVERAGE_GAPS)).max(COVERAGE_GAPS.length).default([]),
  /** Admins only; a broker's clients are assigned to that broker. */
  assignedBrokerId: uuidSchema.optional(),
  notes: z.string().max(2000).optional(),
});

export type ClientInput = z.infer<typeof clientInputSchema>;

/** A valid client with its broker decided (null: unassigned). */
export type AssignedClient = Omit<ClientInput, 'assignedBrokerId'> & { readonly assignedBrokerId: string | null };

export const MAX_IMPORT_ROWS = 5000;

/** An import's largest body, CSV or JSON: 5 000 generous rows. */
export const MAX_IMPORT_BODY_BYTES = 4 * 1024 * 1024;

export const listClientsQuerySchema = z.strictObject(pageQueryShape);

/** A CSV row's cells as the JSON shape: empty cells absent, coverageGaps split on ";". */
export function clientFromCsv(record: Readonly<Record<string, string>>): Record<string, unknown> {
  const client: Record<string, unknown> = {};
  for (const [name, cell] of Object.entries(record)) {
    const value = cell.trim();
    if (value === '') continue;
    client[name] = name === 'coverageGaps' ? value.split(';').map((gap) => gap.trim()).filter((gap) => gap !== '') : value;
  }
  return client;
}
