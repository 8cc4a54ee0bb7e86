import type { FieldCipher } from '../crypto';
import type { SqlDatabase, SqlSession } from '../sql/sql.database';
import { seedBrokerage } from './brokerage.seed';
import { BROKERAGE } from './brokerage.tenant';
import { seedClinic } from './clinic.seed';
import { CLINIC } from './clinic.tenant';
import type { DemoApiKey } from './demo-api.keys';
import { countTenantRows } from './seed.counts';
import { seededRandom } from './seed.random';
import type { CountedTable } from './seed.tables';
import { nextMondayAfter } from './slot.calendar';
import { tenantIdOf, type TenantNumber, type TenantSpec } from './tenant.writer';

export interface DemoSeedOptions {
  /** The seed's notion of now: calendars start the Monday after its date (UTC). */
  readonly clock?: () => Date;
  /** Seed of the generated clients; the same seed gives the same clients. */
  readonly randomSeed?: number;
}

export interface SeededTenant {
  readonly id: string;
  readonly name: string;
  readonly kind: 'brokerage' | 'clinic';
  readonly timeZone: string;
  readonly phoneNumbers: readonly TenantNumber[];
  /** The demo users' API keys by role. Sandbox only. */
  readonly apiKeys: readonly DemoApiKey[];
  /** Rows the tenant has now, per table. */
  readonly counts: Readonly<Record<CountedTable, number>>;
}

export interface DemoSeedReport {
  readonly brokerage: SeededTenant;
  readonly clinic: SeededTenant;
  /** The Monday (YYYY-MM-DD) the two weeks of calendar slots start. */
  readonly slotsFrom: string;
  /** Rows this run added; 0 when the demo data was already there. */
  readonly insertedRows: number;
}

export const DEFAULT_RANDOM_SEED = 20_260_301;

async function describeTenant(session: SqlSession, spec: TenantSpec): Promise<SeededTenant> {
  const id = tenantIdOf(spec);
  return {
    id,
    name: spec.name,
    kind: spec.kind,
    timeZone: spec.timeZone,
    phoneNumbers: spec.phoneNumbers,
    apiKeys: spec.users,
    counts: await countTenantRows(session, id),
  };
}

/**
 * Loads the demo tenants (Harbor Health Brokers and Riverside Family Clinic) as the schema
 * owner, in one transaction. Ids are derived from names and rows that exist are skipped, so
 * running it again with the same clock and seed changes nothing; encrypted fields are written
 * with `cipher`. The schema must be migrated first.
 */
export async function seedDemo(db: SqlDatabase, cipher: FieldCipher, options: DemoSeedOptions = {}): Promise<DemoSeedReport> {
  const now = (options.clock ?? (() => new Date()))();
  const monday = nextMondayAfter(now);
  const random = seededRandom(options.randomSeed ?? DEFAULT_RANDOM_SEED);
  return db.asOwner(async (session) => {
    const context = { session, cipher, now, random, monday };
    const insertedRows = (await seedBrokerage(context)) + (await seedClinic(context));
    return {
      brokerage: await describeTenant(session, BROKERAGE),
      clinic: await describeTenant(session, CLINIC),
      slotsFrom: monday,
      insertedRows,
    };
  });
}
