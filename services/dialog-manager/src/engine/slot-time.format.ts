/** How a free time is said and matched: its parts in the time zone the caller hears it in. */
export interface SlotTimeParts {
  /** Lower case: "tuesday". */
  readonly weekday: string;
  readonly month: string;
  readonly day: number;
  /** 1 to 12. */
  readonly hour12: number;
  readonly minute: number;
  readonly dayPeriod: 'AM' | 'PM';
}

const FALLBACK_TIME_ZONE = 'UTC';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h12',
    });
  } catch {
    // An unknown zone name is data trouble, not a reason to drop the call: say the time in UTC.
    return timeZone === FALLBACK_TIME_ZONE ? formatterFor('Etc/UTC') : formatterFor(FALLBACK_TIME_ZONE);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** The parts of an ISO date-time in a time zone; throws for a malformed date-time (a tool contract bug). */
export function slotTimeParts(isoDateTime: string, timeZone: string): SlotTimeParts {
  const instant = new Date(isoDateTime);
  if (Number.isNaN(instant.getTime())) throw new Error('a slot time must be an ISO date-time');
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    weekday: String(parts['weekday']).toLowerCase(),
    month: String(parts['month']),
    day: Number(parts['day']),
    hour12: Number(parts['hour']),
    minute: Number(parts['minute']),
    dayPeriod: String(parts['dayPeriod']).toUpperCase() === 'PM' ? 'PM' : 'AM',
  };
}

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return `${day}th`;
  const suffixes: Readonly<Record<number, string>> = { 1: 'st', 2: 'nd', 3: 'rd' };
  return `${day}${suffixes[day % 10] ?? 'th'}`;
}

/** "2025-03-04T15:00:00Z" in America/New_York → "Tuesday, March 4th at 10 AM". */
export function formatSlotTime(isoDateTime: string, timeZone: string): string {
  const parts = slotTimeParts(isoDateTime, timeZone);
  const weekday = parts.weekday.charAt(0).toUpperCase() + parts.weekday.slice(1);
  const minutes = parts.minute === 0 ? '' : `:${String(parts.minute).padStart(2, '0')}`;
  return `${weekday}, ${parts.month} ${ordinal(parts.day)} at ${parts.hour12}${minutes} ${parts.dayPeriod}`;
}

/** Several times as one phrase: "A", "A or B", "A, B or C". */
export function formatSlotChoices(isoDateTimes: readonly string[], timeZone: string): string {
  const said = isoDateTimes.map((time) => formatSlotTime(time, timeZone));
  if (said.length <= 1) return said.join('');
  return `${said.slice(0, -1).join(', ')} or ${said.at(-1)}`;
}
