import { formatIsoDate, isPlausibleBirthDate, parseToday, type CalendarDate } from './calendar-date';
import { toDateAtoms } from './spoken-date.atoms';
import { readDate, type DateReading } from './spoken-date.grammar';

export interface DateOfBirthContext {
  /** Today's date where the caller is, "YYYY-MM-DD"; birth dates after it or 120+ years before it are refused. */
  readonly today: string;
}

/** A two-digit year is 19yy when that makes a plausible birth date, otherwise 20yy when that does. */
function resolve(reading: DateReading, today: CalendarDate): CalendarDate | undefined {
  const centuries = reading.twoDigitYear ? [1900, 2000] : [0];
  for (const century of centuries) {
    const date = { year: century + reading.year, month: reading.month, day: reading.day };
    if (isPlausibleBirthDate(date, today)) return date;
  }
  return undefined;
}

/**
 * A spoken or written date of birth as "YYYY-MM-DD": "march third fifty-two", "March 3rd, 1952",
 * "the third of march nineteen fifty two", "3/3/1952", "03 03 1952", "zero three zero three
 * nineteen fifty two" → "1952-03-03". Undefined (never a guess) when a word is not part of a date,
 * no reading is a real, plausible birth date, or two readings give different dates.
 */
export function normalizeDateOfBirth(spoken: string, context: DateOfBirthContext): string | undefined {
  const today = parseToday(context.today);
  const atoms = toDateAtoms(spoken);
  if (!atoms || atoms.length === 0) return undefined;
  const dates = new Set<string>();
  for (const reading of readDate(atoms)) {
    const date = resolve(reading, today);
    if (date) dates.add(formatIsoDate(date));
  }
  return dates.size === 1 ? [...dates][0] : undefined;
}
