import type { RowsTarget } from './rows.inserter';

/** The tables the demo seed writes, with the columns it sets and their types. */
export const SEED_TABLES = {
  tenants: { table: 'tenants', columns: { id: 'uuid', name: 'text', kind: 'text', time_zone: 'text', settings: 'jsonb' } },
  phoneNumbers: { table: 'tenant_phone_numbers', columns: { e164: 'text', tenant_id: 'uuid', purpose: 'text' } },
  users: {
    table: 'users',
    columns: { id: 'uuid', tenant_id: 'uuid', email: 'text', role: 'text', api_key_prefix: 'text', api_key_hash: 'text' },
  },
  brokers: {
    table: 'brokers',
    columns: { id: 'uuid', tenant_id: 'uuid', user_id: 'uuid', name: 'text', phone_e164: 'text', time_zone: 'text' },
  },
  clients: {
    table: 'clients',
    columns: {
      id: 'uuid', tenant_id: 'uuid', first_name: 'text', last_name: 'text', phone_e164: 'text',
      date_of_birth_enc: 'text', member_id_enc: 'text', time_zone: 'text', current_plan: 'text',
      coverage_gaps: 'text[]', assigned_broker_id: 'uuid', notes: 'text',
    },
  },
  products: {
    table: 'products',
    columns: { id: 'uuid', tenant_id: 'uuid', code: 'text', name: 'text', coverage: 'text', description: 'text' },
  },
  productPrices: {
    table: 'product_prices',
    columns: { id: 'uuid', tenant_id: 'uuid', product_id: 'uuid', household: 'text', monthly_min_cents: 'integer', monthly_max_cents: 'integer' },
  },
  eligibility: {
    table: 'eligibility',
    columns: { tenant_id: 'uuid', client_id: 'uuid', product_id: 'uuid', eligible: 'boolean', reason: 'text' },
  },
  campaigns: {
    table: 'campaigns',
    columns: { id: 'uuid', tenant_id: 'uuid', name: 'text', product_id: 'uuid', status: 'text', settings: 'jsonb', created_by: 'uuid' },
  },
  consents: {
    table: 'consents',
    columns: { id: 'uuid', tenant_id: 'uuid', client_id: 'uuid', scope: 'text', granted: 'boolean', recorded_at: 'timestamptz' },
  },
  dncEntries: { table: 'dnc_entries', columns: { tenant_id: 'uuid', phone_e164: 'text', source: 'text' } },
  kbEntries: { table: 'kb_entries', columns: { id: 'uuid', tenant_id: 'uuid', category: 'text', question: 'text', answer: 'text' } },
  intakeRecords: { table: 'intake_records', columns: { id: 'uuid', tenant_id: 'uuid', client_id: 'uuid', payload_enc: 'text' } },
} as const satisfies Record<string, RowsTarget>;

/** The tenant-owned tables a seeded tenant's report counts. */
export const COUNTED_TABLES = [
  'tenant_phone_numbers', 'users', 'brokers', 'broker_slots', 'clients', 'products', 'product_prices',
  'eligibility', 'campaigns', 'consents', 'dnc_entries', 'kb_entries', 'intake_records',
] as const;

export type CountedTable = (typeof COUNTED_TABLES)[number];
