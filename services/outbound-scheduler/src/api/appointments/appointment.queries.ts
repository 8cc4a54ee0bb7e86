import { z } from 'zod';
import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { callerScope } from '../auth/caller.scope';
import { ApiError } from '../http/api.errors';
import { pageQueryShape } from '../http/common.schemas';
import { decodeCursor, type Page, pageOf } from '../http/page.cursor';

export const listAppointmentsQuerySchema = z.strictObject({ ...pageQueryShape, status: z.enum(['booked', 'cancelled']).optional() });
export type ListAppointmentsQuery = z.infer<typeof listAppointmentsQuerySchema>;

interface AppointmentRow {
  id: string;
  broker_id: string;
  client_id: string | null;
  starts_at: Date;
  ends_at: Date;
  status: string;
  purpose: string;
  call_id: string | null;
  created_at: Date;
  sort_at: string;
}

const COLUMNS = `a.id, a.broker_id, a.client_id, a.starts_at, a.ends_at, a.status, a.purpose, a.call_id, a.created_at, to_json(a.starts_at) #>> '{}' AS sort_at`;

function appointmentView(row: AppointmentRow) {
  return {
    id: row.id,
    brokerId: row.broker_id,
    clientId: row.client_id,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    status: row.status,
    purpose: row.purpose,
    callId: row.call_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The caller's appointments (a broker's own broker's; the tenant's for an admin), by start time. */
export async function listAppointments(session: SqlSession, caller: ApiCaller, query: ListAppointmentsQuery): Promise<Page<ReturnType<typeof appointmentView>>> {
  const after = decodeCursor(query.cursor);
  const scope = callerScope(caller, 5).appointments('a');
  const found = await session.query<AppointmentRow>(
    `SELECT ${COLUMNS} FROM appointments a
      WHERE ($1::text IS NULL OR a.status = $1) AND ($2::timestamptz IS NULL OR (a.starts_at, a.id) > ($2::timestamptz, $3::uuid))
        AND ${scope.sql}
      ORDER BY a.starts_at, a.id LIMIT $4`,
    [query.status ?? null, after?.at ?? null, after?.id ?? null, query.limit + 1, ...scope.params],
  );
  return pageOf(found.rows, query.limit, (row) => ({ at: row.sort_at, id: row.id }), appointmentView);
}

export async function findAppointment(session: SqlSession, caller: ApiCaller, id: string) {
  const scope = callerScope(caller, 2).appointments('a');
  const found = await session.query<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments a WHERE a.id = $1 AND ${scope.sql}`, [id, ...scope.params]);
  const row = found.rows[0];
  if (row === undefined) throw ApiError.notFound('appointment');
  return appointmentView(row);
}
