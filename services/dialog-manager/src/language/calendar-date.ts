/** A date on the calendar with no time or zone: a date of birth, or "today" where the caller lives. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Oldest age accepted as a plausible date of birth: a birth date makes the person younger than this. */
export const MAX_PLAUSIBLE_AGE_YEARS = 120;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidCalendarDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses "YYYY-MM-DD"; undefined when malformed or not a real day (2023-02-29). */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidCalendarDate(date) ? date : undefined;
}

/** "today" as given by the caller's clock; a malformed value is a wiring bug, so it throws. */
export function parseToday(today: string): CalendarDate {
  const parsed = parseIsoDate(today);
  if (!parsed) throw new Error('today must be an ISO calendar date (YYYY-MM-DD)');
  return parsed;
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Completed years between a birth date and today (0 until the first birthday). */
export function ageInYears(birth: CalendarDate, today: CalendarDate): number {
  const hadBirthdayThisYear = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return today.year - birth.year - (hadBirthdayThisYear ? 0 : 1);
}

/** A real day, not in the future, and making the person younger than MAX_PLAUSIBLE_AGE_YEARS. */
export function isPlausibleBirthDate(birth: CalendarDate, today: CalendarDate): boolean {
  return (
    isValidCalendarDate(birth) && compareCalendarDates(birth, today) <= 0 && ageInYears(birth, today) < MAX_PLAUSIBLE_AGE_YEARS
  );
}
