export type Coverage = 'dental' | 'vision';
export type Household = 'individual' | 'spouse' | 'family';

export interface ProductSpec {
  readonly code: string;
  readonly name: string;
  readonly coverage: Coverage;
  readonly description: string;
  /** Monthly premium range in cents per household. */
  readonly pricesCents: Readonly<Record<Household, readonly [min: number, max: number]>>;
}

/** The brokerage's cross-sell products: one dental, one vision plan. */
export const PRODUCTS: readonly ProductSpec[] = [
  {
    code: 'dental-essentials',
    name: 'Harbor Dental Essentials',
    coverage: 'dental',
    description: 'Preventive care at 100%, fillings and extractions at 80%, major work at 50% after 12 months.',
    pricesCents: { individual: [2_500, 4_500], spouse: [4_800, 8_600], family: [7_500, 13_500] },
  },
  {
    code: 'vision-plus',
    name: 'Harbor Vision Plus',
    coverage: 'vision',
    description: 'Yearly eye exam with a $10 copay, $150 allowance for frames or contact lenses.',
    pricesCents: { individual: [900, 1_800], spouse: [1_700, 3_400], family: [2_600, 5_200] },
  },
];

/** The draft campaign a broker can start in the demo. */
export const DRAFT_CAMPAIGN = {
  key: 'dental-gap-spring',
  name: 'Dental gap — spring',
  productCode: 'dental-essentials',
  settings: {
    audience: { coverageGap: 'dental' },
    callingWindow: { start: '09:00', end: '20:00' },
    maxAttempts: 3,
    retryBackoffMinutes: 240,
    maxConcurrentCalls: 5,
    answeringMachine: 'voicemail',
  },
} as const;
