import type { SqlSession } from '@va/data';

export interface AppointmentRow {
  readonly appointmentId: string;
  readonly brokerId: string;
  readonly clientId: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly status: 'booked' | 'cancelled';
  readonly purpose: string;
}

/**
 * The tenant's appointment by id, locked for the rest of the transaction so two changes of
 * one appointment happen one after the other (row-level security hides other tenants').
 */
export async function lockAppointment(session: SqlSession, appointmentId: string): Promise<AppointmentRow | undefined> {
  const found = await session.query<{ id: string; broker_id: string; client_id: string | null; starts_at: Date; ends_at: Date; status: 'booked' | 'cancelled'; purpose: string }>(
    'SELECT id, broker_id, client_id, starts_at, ends_at, status, purpose FROM appointments WHERE id = $1 FOR UPDATE',
    [appointmentId],
  );
  const row = found.rows[0];
  if (row === undefined) return undefined;
  return {
    appointmentId: row.id,
    brokerId: row.broker_id,
    clientId: row.client_id,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    status: row.status,
    purpose: row.purpose,
  };
}
