import type { Coverage } from './brokerage.catalog';
import { apportion, CLIENT_NOTES, COMMERCIAL_PLANS, GAP_SHARES, MEDICARE_PLANS, ZONE_SHARES } from './client.mix';
import { FIRST_NAMES, LAST_NAMES } from './demo.names';
import type { SeedRandom } from './seed.random';

/** A generated CRM client, before encryption. */
export interface DemoClient {
  readonly key: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phoneE164: string;
  /** YYYY-MM-DD. */
  readonly dateOfBirth: string;
  readonly memberId: string;
  /** The zone of the client's area code. */
  readonly homeZone: string;
  /** What the CRM records: null for the few clients whose zone it does not know. */
  readonly timeZone: string | null;
  readonly currentPlan: string;
  readonly coverageGaps: readonly Coverage[];
  readonly brokerKey: string;
  readonly notes: string | null;
}

/** Ages are reckoned against a fixed year so the data does not change with the clock. */
const REFERENCE_YEAR = 2026;
const MEDICARE_AGE = 65;
const FIRST_LINE = 100;
const NOTE_CHANCE = 0.1;
const MEMBER_ID_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

interface Placement {
  readonly timeZone: string;
  readonly phoneE164: string;
  readonly brokerKey: string;
}

/** One phone per client, in its zone's area codes, on the fictional 555-01xx lines. */
function placements(count: number): Placement[] {
  const perZone = apportion(count, ZONE_SHARES.map((zone) => zone.share));
  return ZONE_SHARES.flatMap((zone, z) =>
    Array.from({ length: perZone[z] }, (_, j) => {
      const area = zone.areaCodes[j % zone.areaCodes.length];
      const line = FIRST_LINE + Math.floor(j / zone.areaCodes.length);
      return { timeZone: zone.timeZone, phoneE164: `+1${area}555${String(line).padStart(4, '0')}`, brokerKey: zone.brokerKey };
    }),
  );
}

function uniqueNames(random: SeedRandom, count: number): { first: string; last: string }[] {
  const seen = new Set<string>();
  const names: { first: string; last: string }[] = [];
  while (names.length < count) {
    const name = { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) };
    const full = `${name.first} ${name.last}`;
    if (seen.has(full)) continue;
    seen.add(full);
    names.push(name);
  }
  return names;
}

function memberId(random: SeedRandom): string {
  const letters = Array.from({ length: 3 }, () => random.pick([...MEMBER_ID_LETTERS])).join('');
  const digits = Array.from({ length: 9 }, () => String(random.int(0, 9))).join('');
  return `${letters}${digits}`;
}

function dateOfBirth(random: SeedRandom): string {
  const year = random.int(1942, 2000);
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

/**
 * The brokerage's clients: zones in population proportions, coverage gaps in set proportions,
 * names, birth dates and member IDs from `random`. The same seed gives the same clients.
 */
export function generateClients(random: SeedRandom, count: number, unknownZoneCount: number): DemoClient[] {
  const where = random.shuffled(placements(count));
  const gapCounts = apportion(count, GAP_SHARES.map((gap) => gap.share));
  const gaps = random.shuffled(GAP_SHARES.flatMap((gap, g) => Array.from({ length: gapCounts[g] }, () => gap.gaps)));
  const names = uniqueNames(random, count);
  const unknownZone = new Set(random.shuffled(Array.from({ length: count }, (_, i) => i)).slice(0, unknownZoneCount));
  return where.map((place, i) => {
    const birth = dateOfBirth(random);
    const age = REFERENCE_YEAR - Number(birth.slice(0, 4));
    return {
      key: `client/${String(i).padStart(3, '0')}`,
      firstName: names[i].first,
      lastName: names[i].last,
      phoneE164: place.phoneE164,
      dateOfBirth: birth,
      memberId: memberId(random),
      homeZone: place.timeZone,
      timeZone: unknownZone.has(i) ? null : place.timeZone,
      currentPlan: random.pick(age >= MEDICARE_AGE ? MEDICARE_PLANS : COMMERCIAL_PLANS),
      coverageGaps: gaps[i],
      brokerKey: place.brokerKey,
      notes: random.next() < NOTE_CHANCE ? random.pick(CLIENT_NOTES) : null,
    };
  });
}
