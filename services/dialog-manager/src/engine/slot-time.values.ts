import type { TemplateValues } from '../flows';
import { factOf, type CallSession } from '../session';
import { FACT } from './engine-fact.names';
import { offeredSlots } from './offered-slots';
import { formatSlotChoices, formatSlotTime } from './slot-time.format';

/** The time zone times are said in: the client's when known, else the broker's calendar's. */
export function sayingTimeZone(session: CallSession): string {
  return factOf(session, FACT.clientTimeZone) ?? factOf(session, FACT.slotTimeZone) ?? 'UTC';
}

/** {{slotTime}}: the times on offer in this stage, else the booked appointment's time. */
export function slotTimeValues(session: CallSession): TemplateValues {
  const zone = sayingTimeZone(session);
  const offered = offeredSlots(session);
  if (offered.length > 0) return { slotTime: formatSlotChoices(offered, zone) };
  const booked = factOf(session, FACT.appointmentStartsAt);
  return booked === undefined ? {} : { slotTime: formatSlotTime(booked, zone) };
}
