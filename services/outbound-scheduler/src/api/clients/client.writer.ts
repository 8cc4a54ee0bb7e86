import { type FieldCipher, fieldContext, type SqlSession } from '@va/data';
import type { AssignedClient } from './client.schemas';

/**
 * Inserts clients in one statement, dates of birth and member IDs sealed exactly as the seed
 * seals them (bound to the column and tenant). A phone already in the tenant is not inserted;
 * the phones that were are returned.
 */
export async function insertClients(
  session: SqlSession,
  tenantId: string,
  cipher: FieldCipher,
  clients: readonly (AssignedClient)[],
): Promise<Map<string, string>> {
  if (clients.length === 0) return new Map();
  const dobContext = fieldContext('clients', 'date_of_birth', tenantId);
  const memberContext = fieldContext('clients', 'member_id', tenantId);
  const rows = clients.map((client) => ({
    first_name: client.firstName,
    last_name: client.lastName,
    phone_e164: client.phoneE164,
    date_of_birth_enc: client.dateOfBirth === undefined ? null : cipher.encrypt(client.dateOfBirth, dobContext),
    member_id_enc: client.memberId === undefined ? null : cipher.encrypt(client.memberId, memberContext),
    time_zone: client.timeZone ?? null,
    current_plan: client.currentPlan ?? null,
    coverage_gaps: client.coverageGaps,
    assigned_broker_id: client.assignedBrokerId,
    notes: client.notes ?? null,
  }));
  const inserted = await session.query<{ id: string; phone_e164: string }>(
    `INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, date_of_birth_enc, member_id_enc, time_zone, current_plan, coverage_gaps, assigned_broker_id, notes)
     SELECT $1::uuid, r.first_name, r.last_name, r.phone_e164, r.date_of_birth_enc, r.member_id_enc, r.time_zone, r.current_plan, r.coverage_gaps, r.assigned_broker_id, r.notes
       FROM jsonb_to_recordset($2::jsonb) AS r(first_name text, last_name text, phone_e164 text, date_of_birth_enc text, member_id_enc text,
            time_zone text, current_plan text, coverage_gaps text[], assigned_broker_id uuid, notes text)
     ON CONFLICT (tenant_id, phone_e164) DO NOTHING
     RETURNING id, phone_e164`,
    [tenantId, JSON.stringify(rows)],
  );
  return new Map(inserted.rows.map((row) => [row.phone_e164, row.id]));
}
