import type { SqlSession } from '../sql/sql.database';
import { insertBrokerSlots } from './broker-slots.writer';
import { apiKeyHash, apiKeyPrefix, type DemoApiKey } from './demo-api.keys';
import { insertRows } from './rows.inserter';
import type { SlotSchedule } from './slot.calendar';
import { seedId } from './seed.ids';
import { SEED_TABLES } from './seed.tables';

export interface TenantNumber {
  readonly e164: string;
  readonly purpose: 'inbound' | 'outbound' | 'both';
}

/** A broker, or a clinic provider (providers are brokers with a calendar). */
export interface BrokerSpec {
  readonly key: string;
  readonly name: string;
  readonly phoneE164: string;
  readonly timeZone: string;
  /** The demo user who signs in as this broker, if any. */
  readonly userEmail?: string;
}

/** What every demo tenant has: its row, numbers, users with API keys, brokers and their calendars. */
export interface TenantSpec {
  readonly key: string;
  readonly name: string;
  readonly kind: 'brokerage' | 'clinic';
  readonly timeZone: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly phoneNumbers: readonly TenantNumber[];
  readonly users: readonly DemoApiKey[];
  readonly brokers: readonly BrokerSpec[];
  readonly schedule: SlotSchedule;
}

export const tenantIdOf = (spec: Pick<TenantSpec, 'key'>): string => seedId(`${spec.key}/tenant`);
export const userIdOf = (spec: Pick<TenantSpec, 'key'>, email: string): string => seedId(`${spec.key}/user/${email}`);
export const brokerIdOf = (spec: Pick<TenantSpec, 'key'>, brokerKey: string): string => seedId(`${spec.key}/broker/${brokerKey}`);

/** Writes the tenant's common rows and its brokers' slots from `monday`; returns how many rows were new. */
export async function writeTenant(session: SqlSession, spec: TenantSpec, monday: string): Promise<number> {
  const tenantId = tenantIdOf(spec);
  let inserted = await insertRows(session, SEED_TABLES.tenants, [
    { id: tenantId, name: spec.name, kind: spec.kind, time_zone: spec.timeZone, settings: spec.settings },
  ]);
  inserted += await insertRows(
    session,
    SEED_TABLES.phoneNumbers,
    spec.phoneNumbers.map((number) => ({ e164: number.e164, tenant_id: tenantId, purpose: number.purpose })),
  );
  inserted += await insertRows(
    session,
    SEED_TABLES.users,
    spec.users.map((user) => ({
      id: userIdOf(spec, user.email),
      tenant_id: tenantId,
      email: user.email,
      role: user.role,
      api_key_prefix: apiKeyPrefix(user.key),
      api_key_hash: apiKeyHash(user.key),
    })),
  );
  inserted += await insertRows(
    session,
    SEED_TABLES.brokers,
    spec.brokers.map((broker) => ({
      id: brokerIdOf(spec, broker.key),
      tenant_id: tenantId,
      user_id: broker.userEmail === undefined ? null : userIdOf(spec, broker.userEmail),
      name: broker.name,
      phone_e164: broker.phoneE164,
      time_zone: broker.timeZone,
    })),
  );
  const owners = spec.brokers.map((broker) => ({
    key: `${spec.key}/broker/${broker.key}`,
    tenantId,
    brokerId: brokerIdOf(spec, broker.key),
    timeZone: broker.timeZone,
  }));
  inserted += await insertBrokerSlots(session, owners, spec.schedule, monday);
  return inserted;
}
