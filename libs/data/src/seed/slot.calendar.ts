/** Working periods of a day, local wall-clock times "HH:MM" in the calendar owner's zone. */
export interface SlotSchedule {
  readonly weeks: number;
  readonly slotMinutes: number;
  readonly periods: readonly { readonly from: string; readonly to: string }[];
}

const DAY_MS = 86_400_000;
const WEEKDAYS_PER_WEEK = 5;
const MONDAY = 1;

function minutesOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (match === null) throw new RangeError(`expected HH:MM, got ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The first Monday strictly after the calendar date (UTC) of `now`, as YYYY-MM-DD. */
export function nextMondayAfter(now: Date): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysAhead = ((MONDAY - now.getUTCDay() + 7) % 7) || 7;
  return new Date(today + daysAhead * DAY_MS).toISOString().slice(0, 10);
}

/** Monday to Friday of `weeks` weeks from a Monday, as YYYY-MM-DD. */
export function weekdaysFrom(monday: string, weeks: number): string[] {
  const start = Date.parse(`${monday}T00:00:00Z`);
  const dates: string[] = [];
  for (let week = 0; week < weeks; week += 1) {
    for (let day = 0; day < WEEKDAYS_PER_WEEK; day += 1) {
      dates.push(new Date(start + (week * 7 + day) * DAY_MS).toISOString().slice(0, 10));
    }
  }
  return dates;
}

/** Start times of the slots in one day ("HH:MM"); a slot never runs past its period's end. */
export function slotStartsOfDay(schedule: SlotSchedule): string[] {
  const starts: string[] = [];
  for (const period of schedule.periods) {
    const end = minutesOf(period.to);
    for (let minute = minutesOf(period.from); minute + schedule.slotMinutes <= end; minute += schedule.slotMinutes) {
      starts.push(timeOf(minute));
    }
  }
  return starts;
}

/** Every slot start of the schedule, local wall-clock "YYYY-MM-DDTHH:MM", from `monday` on. */
export function localSlotStarts(schedule: SlotSchedule, monday: string): string[] {
  const times = slotStartsOfDay(schedule);
  return weekdaysFrom(monday, schedule.weeks).flatMap((date) => times.map((time) => `${date}T${time}`));
}
