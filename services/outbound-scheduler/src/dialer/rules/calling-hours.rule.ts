import type { CampaignSettings } from '../../campaigns/campaign.settings';
import { instantOf, localTimeOf, nextDay } from './zoned.time';

function minutesOf(clock: string): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = clock.split(':').map(Number);
  return { hour, minute };
}

/**
 * Undefined when `now` is inside the callee-local calling hours [start, end); otherwise the next
 * instant they open in the callee's zone (today's start if it is still ahead, else tomorrow's).
 */
export function nextCallingHoursOpening(now: Date, zone: string, hours: CampaignSettings['callingHours']): Date | undefined {
  const local = localTimeOf(now, zone);
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const nowMinutes = local.hour * 60 + local.minute;
  const startMinutes = start.hour * 60 + start.minute;
  const endMinutes = end.hour * 60 + end.minute;
  if (nowMinutes >= startMinutes && nowMinutes < endMinutes) return undefined;
  const day = nowMinutes < startMinutes ? local : nextDay(local);
  return instantOf({ year: day.year, month: day.month, day: day.day, hour: start.hour, minute: start.minute }, zone);
}
