import type { SqlSession } from '@va/data';

export interface BrokerSummary {
  readonly brokerId: string;
  readonly name: string;
  readonly phoneNumber: string | null;
  readonly timeZone: string;
  readonly active: boolean;
}

/** The tenant's broker by id (row-level security hides other tenants'). */
export async function findBroker(session: SqlSession, brokerId: string): Promise<BrokerSummary | undefined> {
  const found = await session.query<{ id: string; name: string; phone_e164: string | null; time_zone: string; active: boolean }>(
    'SELECT id, name, phone_e164, time_zone, active FROM brokers WHERE id = $1',
    [brokerId],
  );
  const row = found.rows[0];
  if (row === undefined) return undefined;
  return { brokerId: row.id, name: row.name, phoneNumber: row.phone_e164, timeZone: row.time_zone, active: row.active };
}
