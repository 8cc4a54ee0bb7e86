import type { SqlSession } from '../sql/sql.database';
import { localSlotStarts, type SlotSchedule } from './slot.calendar';
import { seedId } from './seed.ids';

/** A broker (or clinic provider) whose calendar gets slots, in the broker's own time zone. */
export interface CalendarOwner {
  readonly key: string;
  readonly tenantId: string;
  readonly brokerId: string;
  readonly timeZone: string;
}

/**
 * Writes each owner's free slots from `monday` on. Local wall-clock starts become instants in
 * the database (timestamp AT TIME ZONE zone), so daylight-saving changes land correctly.
 * Returns how many slots were new.
 */
export async function insertBrokerSlots(
  session: SqlSession,
  owners: readonly CalendarOwner[],
  schedule: SlotSchedule,
  monday: string,
): Promise<number> {
  const starts = localSlotStarts(schedule, monday);
  const rows = owners.flatMap((owner) =>
    starts.map((local) => ({
      id: seedId(`${owner.key}/slot/${local}`),
      tenant_id: owner.tenantId,
      broker_id: owner.brokerId,
      local_start: local,
      time_zone: owner.timeZone,
    })),
  );
  if (rows.length === 0) return 0;
  const result = await session.query(
    `INSERT INTO broker_slots (id, tenant_id, broker_id, starts_at, ends_at)
     SELECT r.id, r.tenant_id, r.broker_id,
            r.local_start AT TIME ZONE r.time_zone,
            (r.local_start + make_interval(mins => $2::int)) AT TIME ZONE r.time_zone
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, tenant_id uuid, broker_id uuid, local_start timestamp, time_zone text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows), schedule.slotMinutes],
  );
  return result.rowCount;
}
