/** Zones about three hours apart around the world: one of them is always in mid-day. */
const CANDIDATE_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Pacific/Honolulu',
  'Pacific/Auckland',
  'Australia/Sydney',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/Moscow',
  'Europe/Berlin',
  'Europe/London',
  'America/Sao_Paulo',
] as const;

/** Local hours the demo callees are placed in: well inside the default 08:00–21:00 calling window. */
const MIDDAY = { fromHour: 10, toHour: 18 } as const;

export interface CallingZone {
  readonly timeZone: string;
  /** Local time there now, "HH:MM". */
  readonly localTime: string;
}

function localTimeIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => parts.find((piece) => piece.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/**
 * The first candidate zone (US zones first) where it is between 10:00 and 18:00 now, so the
 * demo's callees are inside the default callee-local calling window (08:00–21:00) whenever
 * the demo runs, and the window rule itself stays as in production.
 */
export function chooseCallingZone(now: Date): CallingZone {
  for (const timeZone of CANDIDATE_ZONES) {
    const localTime = localTimeIn(timeZone, now);
    const hour = Number(localTime.slice(0, 2));
    if (hour >= MIDDAY.fromHour && hour < MIDDAY.toHour) return { timeZone, localTime };
  }
  throw new Error('no candidate zone is in mid-day now; the candidate list has a gap');
}
