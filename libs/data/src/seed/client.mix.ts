import type { Coverage } from './brokerage.catalog';

/** Where the brokerage's clients live: share of clients, real area codes, the broker who serves the region. */
export interface ZoneShare {
  readonly timeZone: string;
  readonly share: number;
  readonly areaCodes: readonly string[];
  readonly brokerKey: string;
}

export interface GapShare {
  readonly gaps: readonly Coverage[];
  readonly share: number;
}

/** Roughly the US population by time zone (Eastern about half, Alaska and Hawaii a few). */
export const ZONE_SHARES: readonly ZoneShare[] = [
  { timeZone: 'America/New_York', share: 0.44, areaCodes: ['212', '646', '917', '718', '617', '215', '404', '305', '704', '313'], brokerKey: 'maria-alvarez' },
  { timeZone: 'America/Chicago', share: 0.28, areaCodes: ['312', '773', '214', '713', '512', '615', '314', '612'], brokerKey: 'james-carter' },
  { timeZone: 'America/Denver', share: 0.06, areaCodes: ['303', '720', '801', '505'], brokerKey: 'james-carter' },
  { timeZone: 'America/Phoenix', share: 0.04, areaCodes: ['602', '480', '520'], brokerKey: 'grace-kim' },
  { timeZone: 'America/Los_Angeles', share: 0.15, areaCodes: ['213', '310', '415', '206', '503', '702'], brokerKey: 'grace-kim' },
  { timeZone: 'America/Anchorage', share: 0.015, areaCodes: ['907'], brokerKey: 'grace-kim' },
  { timeZone: 'Pacific/Honolulu', share: 0.015, areaCodes: ['808'], brokerKey: 'grace-kim' },
];

/** Which coverage the clients lack. */
export const GAP_SHARES: readonly GapShare[] = [
  { gaps: ['dental'], share: 0.35 },
  { gaps: ['vision'], share: 0.25 },
  { gaps: ['dental', 'vision'], share: 0.25 },
  { gaps: [], share: 0.15 },
];

/** Zones where the brokerage's products are not sold: those clients are ineligible. */
export const ZONES_WITHOUT_PRODUCTS: readonly string[] = ['America/Anchorage', 'Pacific/Honolulu'];

export const COMMERCIAL_PLANS: readonly string[] = [
  'Blue Cross PPO Gold', 'Aetna Silver HMO', 'UnitedHealthcare Choice Plus', 'Cigna Open Access Plus',
  'Ambetter Balanced Care 12', 'Oscar Classic Bronze', 'Anthem Silver PPO 3500',
];

export const MEDICARE_PLANS: readonly string[] = [
  'Original Medicare (Parts A and B)', 'Humana Gold Plus HMO', 'AARP Medicare Advantage Choice PPO', 'Wellcare Value Script PDP',
];

export const CLIENT_NOTES: readonly string[] = [
  'Prefers calls in the late afternoon.',
  'Asked about family coverage at last renewal.',
  'Hard of hearing; speak slowly and clearly.',
  'Spouse handles insurance paperwork.',
  'Mentioned a cracked tooth at the annual review.',
  'Wears glasses; last eye exam over two years ago.',
];

/**
 * Splits `count` by shares into whole numbers that sum to `count` (largest remainder), so
 * every share with a positive weight and enough clients gets its proportional part.
 */
export function apportion(count: number, shares: readonly number[]): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  const exact = shares.map((share) => (count * share) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder);
  const missing = count - counts.reduce((sum, n) => sum + n, 0);
  for (let i = 0; i < missing; i += 1) counts[order[i].index] += 1;
  return counts;
}
