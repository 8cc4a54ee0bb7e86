/** A wall-clock date and time in some IANA zone. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone. */
export function isKnownZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of `instant` in `zone` (Intl, so DST is the zone's own). */
export function localTimeOf(instant: Date, zone: string): LocalDateTime & { readonly second: number } {
  const parts = Object.fromEntries(formatterFor(zone).formatToParts(instant).map((part) => [part.type, part.value]));
  const read = (type: string): number => Number(parts[type] ?? 0);
  return { year: read('year'), month: read('month'), day: read('day'), hour: read('hour'), minute: read('minute'), second: read('second') };
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetMsAt(instant: Date, zone: string): number {
  const local = localTimeOf(instant, zone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - Math.floor(instant.getTime() / 1_000) * 1_000;
}

/**
 * The instant at which the zone's clocks show `local`. A wall time skipped by a DST change
 * (02:30 on a spring-forward day) resolves to the instant just after the gap.
 */
export function instantOf(local: LocalDateTime, zone: string): Date {
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = wallAsUtc - offsetMsAt(new Date(wallAsUtc), zone);
  const second = wallAsUtc - offsetMsAt(new Date(first), zone);
  return new Date(Math.max(first, second));
}

/** The calendar day after `local`'s day (month and year roll over). */
export function nextDay(local: LocalDateTime): LocalDateTime {
  const next = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
  return { ...local, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}
