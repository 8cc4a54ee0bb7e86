import type { FieldCipher, SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { writeApiAudit } from '../audit/api-audit.writer';
import { fieldProblems } from '../http/zod.problems';
import { clientAssigner } from './client.assignment';
import { type AssignedClient, type ClientInput, clientInputSchema } from './client.schemas';
import { insertClients } from './client.writer';

/** The row error of a phone the tenant already has (a single create answers it with 409). */
export const DUPLICATE_PHONE_MESSAGE = 'a client with this phone already exists';

/** A row that was not imported: its 1-based number among the data rows, the field, why. */
export interface ImportRowError {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export interface ImportReport {
  readonly received: number;
  readonly imported: number;
  readonly clientIds: readonly string[];
  readonly errors: readonly ImportRowError[];
}

/**
 * Validates every row, then inserts the valid ones in the caller's one transaction. Invalid
 * rows, phones repeated within the import and phones already in the tenant are reported per
 * row; valid rows are stored whatever the others hold.
 */
export async function importClients(session: SqlSession, caller: ApiCaller, cipher: FieldCipher, rows: readonly unknown[]): Promise<ImportReport> {
  const errors: ImportRowError[] = [];
  const parsed: { row: number; client: ClientInput }[] = [];
  rows.forEach((raw, index) => {
    const result = clientInputSchema.safeParse(raw);
    if (result.success) parsed.push({ row: index + 1, client: result.data });
    else for (const problem of fieldProblems(result.error.issues, '')) errors.push({ row: index + 1, field: problem.path, message: problem.message });
  });
  const assign = await clientAssigner(session, caller, parsed.map(({ client }) => client.assignedBrokerId));
  const seenPhones = new Set<string>();
  const accepted: { row: number; client: AssignedClient }[] = [];
  for (const { row, client } of parsed) {
    const assignment = assign(client.assignedBrokerId);
    if ('error' in assignment) errors.push({ row, field: 'assignedBrokerId', message: assignment.error });
    else if (seenPhones.has(client.phoneE164)) errors.push({ row, field: 'phoneE164', message: 'repeats the phone of an earlier row' });
    else {
      seenPhones.add(client.phoneE164);
      accepted.push({ row, client: { ...client, assignedBrokerId: assignment.brokerId } });
    }
  }
  const inserted = await insertClients(session, caller.tenantId, cipher, accepted.map(({ client }) => client));
  for (const { row, client } of accepted) {
    if (!inserted.has(client.phoneE164)) errors.push({ row, field: 'phoneE164', message: DUPLICATE_PHONE_MESSAGE });
  }
  errors.sort((a, b) => a.row - b.row);
  if (inserted.size > 0) await writeApiAudit(session, caller, { action: 'clients.imported', subject: 'clients', detail: { received: rows.length, imported: inserted.size } });
  return { received: rows.length, imported: inserted.size, clientIds: [...inserted.values()], errors };
}
