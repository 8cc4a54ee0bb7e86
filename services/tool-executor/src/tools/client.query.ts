import type { SqlSession } from '@va/data';

/** The client fields tools may use: never the date of birth or member id. */
export interface ClientSummary {
  readonly clientId: string;
  readonly firstName: string;
  readonly currentPlan: string | null;
  readonly coverageGaps: readonly string[];
  readonly timeZone: string | null;
  readonly assignedBrokerId: string | null;
}

/** How a tool names a client: by id, or by the phone number on file. */
export interface ClientKey {
  readonly clientId?: string;
  readonly phoneNumber?: string;
}

type ClientRow = {
  id: string;
  first_name: string;
  current_plan: string | null;
  coverage_gaps: string[];
  time_zone: string | null;
  assigned_broker_id: string | null;
};

const SELECT_CLIENT = 'SELECT id, first_name, current_plan, coverage_gaps, time_zone, assigned_broker_id FROM clients';

/** The tenant's client by id if one is given, else by phone number (row-level security hides other tenants'). */
export async function findClient(session: SqlSession, key: ClientKey): Promise<ClientSummary | undefined> {
  const found =
    key.clientId !== undefined
      ? await session.query<ClientRow>(`${SELECT_CLIENT} WHERE id = $1`, [key.clientId])
      : await session.query<ClientRow>(`${SELECT_CLIENT} WHERE phone_e164 = $1`, [key.phoneNumber ?? null]);
  const row = found.rows[0];
  if (row === undefined) return undefined;
  return {
    clientId: row.id,
    firstName: row.first_name,
    currentPlan: row.current_plan,
    coverageGaps: row.coverage_gaps,
    timeZone: row.time_zone,
    assignedBrokerId: row.assigned_broker_id,
  };
}

/**
 * Whether an optional client id names one of the tenant's clients. Checked before writing a
 * row that references a client: a foreign key alone would accept another tenant's id.
 */
export async function isKnownClient(session: SqlSession, clientId: string | undefined): Promise<boolean> {
  if (clientId === undefined) return true;
  return (await findClient(session, { clientId })) !== undefined;
}
