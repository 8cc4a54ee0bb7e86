import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { callerScope } from '../auth/caller.scope';
import { ApiError } from '../http/api.errors';
import { decodeCursor, type Page, pageOf } from '../http/page.cursor';

interface ClientRow {
  id: string;
  first_name: string;
  last_name: string;
  phone_e164: string;
  time_zone: string | null;
  current_plan: string | null;
  coverage_gaps: string[];
  assigned_broker_id: string | null;
  created_at: Date;
  sort_at: string;
}

/** Never the sealed columns: a date of birth or member ID does not leave the database through the API. */
const COLUMNS = `c.id, c.first_name, c.last_name, c.phone_e164, c.time_zone, c.current_plan, c.coverage_gaps, c.assigned_broker_id, c.created_at,
  to_json(c.created_at) #>> '{}' AS sort_at`;

function clientView(row: ClientRow) {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    phoneE164: row.phone_e164,
    timeZone: row.time_zone,
    currentPlan: row.current_plan,
    coverageGaps: row.coverage_gaps,
    assignedBrokerId: row.assigned_broker_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function listClients(session: SqlSession, caller: ApiCaller, query: { limit: number; cursor?: string | undefined }): Promise<Page<ReturnType<typeof clientView>>> {
  const after = decodeCursor(query.cursor);
  const scope = callerScope(caller, 4).clients('c');
  const found = await session.query<ClientRow>(
    `SELECT ${COLUMNS} FROM clients c
      WHERE ($1::timestamptz IS NULL OR (c.created_at, c.id) < ($1::timestamptz, $2::uuid)) AND ${scope.sql}
      ORDER BY c.created_at DESC, c.id DESC LIMIT $3`,
    [after?.at ?? null, after?.id ?? null, query.limit + 1, ...scope.params],
  );
  return pageOf(found.rows, query.limit, (row) => ({ at: row.sort_at, id: row.id }), clientView);
}

export async function findClient(session: SqlSession, caller: ApiCaller, id: string) {
  const scope = callerScope(caller, 2).clients('c');
  const found = await session.query<ClientRow>(`SELECT ${COLUMNS} FROM clients c WHERE c.id = $1 AND ${scope.sql}`, [id, ...scope.params]);
  const row = found.rows[0];
  if (row === undefined) throw ApiError.notFound('client');
  return clientView(row);
}
