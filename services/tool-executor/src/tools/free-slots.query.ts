import type { SqlSession } from '@va/data';
import { SLOT_RULES } from './slot.rules';

export interface FreeSlot {
  readonly brokerId: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** A broker's free slots from `after` on: availability without a booked appointment at that start. */
export async function findFreeSlots(session: SqlSession, brokerId: string, after: Date, limit: number = SLOT_RULES.alternativesOffered): Promise<FreeSlot[]> {
  const rows = await session.query<{ broker_id: string; starts_at: Date; ends_at: Date }>(
    `SELECT s.broker_id, s.starts_at, s.ends_at FROM broker_slots s
      WHERE s.broker_id = $1 AND s.starts_at >= $2 AND s.starts_at < $2::timestamptz + make_interval(days => $4)
        AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.broker_id = s.broker_id AND a.starts_at = s.starts_at AND a.status = 'booked')
      ORDER BY s.starts_at LIMIT $3`,
    [brokerId, after.toISOString(), limit, SLOT_RULES.searchDays],
  );
  return rows.rows.map((row) => ({ brokerId: row.broker_id, startsAt: new Date(row.starts_at).toISOString(), endsAt: new Date(row.ends_at).toISOString() }));
}
