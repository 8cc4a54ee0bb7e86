import { randomUUID } from 'node:crypto';
import type { SqlSession } from '../sql/sql.database';

/** Every tenant-owned table, for isolation checks; the migration enables row security on each. */
export const TENANT_TABLES = [
  'tenant_phone_numbers', 'users', 'brokers', 'clients', 'products', 'product_prices', 'eligibility',
  'broker_slots', 'appointments', 'campaigns', 'call_attempts', 'consents', 'dnc_entries', 'calls',
  'call_turns', 'tool_invocations', 'messages', 'callback_requests', 'intake_records', 'kb_entries', 'audit_log',
] as const;

export interface TenantFixture {
  readonly tenantId: string;
  readonly brokerId: string;
  readonly clientId: string;
  readonly phoneNumber: string;
  readonly slotStartsAt: string;
}

/** A tenant with one row in every tenant table (run as the owner); `n` keeps numbers distinct. */
export async function createTenantFixture(session: SqlSession, n: number): Promise<TenantFixture> {
  const tenantId = randomUUID();
  const phoneNumber = `+1555010${String(n).padStart(4, '0')}`;
  const clientPhone = `+1555020${String(n).padStart(4, '0')}`;
  const slotStartsAt = slotDaysAhead(7, 15);
  const one = async (sql: string, params: unknown[]): Promise<string> => {
    const result = await session.query<{ id: string }>(sql, params);
    return String(result.rows[0]?.id ?? '');
  };
  await session.query(`INSERT INTO tenants (id, name, kind, time_zone) VALUES ($1, $2, 'brokerage', 'America/New_York')`, [tenantId, `Tenant ${n}`]);
  await session.query(`INSERT INTO tenant_phone_numbers (e164, tenant_id, purpose) VALUES ($1, $2, 'both')`, [phoneNumber, tenantId]);
  const userId = await one(`INSERT INTO users (tenant_id, email, role, api_key_prefix, api_key_hash) VALUES ($1, $2, 'admin', 'va_x', $3) RETURNING id`, [tenantId, `admin${n}@example.test`, `hash-${tenantId}`]);
  const brokerId = await one(`INSERT INTO brokers (tenant_id, user_id, name, time_zone) VALUES ($1, $2, 'Broker', 'America/New_York') RETURNING id`, [tenantId, userId]);
  const clientId = await one(
    `INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, date_of_birth_enc, member_id_enc, time_zone, current_plan, coverage_gaps, assigned_broker_id)
     VALUES ($1, 'Pat', 'Doe', $2, 'v1.k1.iv.tag.ct', 'v1.k1.iv.tag.ct', 'America/Chicago', 'Gold PPO', '{dental}', $3) RETURNING id`,
    [tenantId, clientPhone, brokerId],
  );
  const productId = await one(`INSERT INTO products (tenant_id, code, name, coverage) VALUES ($1, 'dental-plus', 'Dental Plus', 'dental') RETURNING id`, [tenantId]);
  await session.query(`INSERT INTO product_prices (tenant_id, product_id, household, monthly_min_cents, monthly_max_cents) VALUES ($1, $2, 'individual', 2000, 4000)`, [tenantId, productId]);
  await session.query(`INSERT INTO eligibility (tenant_id, client_id, product_id, eligible) VALUES ($1, $2, $3, true)`, [tenantId, clientId, productId]);
  await session.query(`INSERT INTO broker_slots (tenant_id, broker_id, starts_at, ends_at) VALUES ($1, $2, $3, $3::timestamptz + interval '30 minutes')`, [tenantId, brokerId, slotStartsAt]);
  const bookedAt = slotDaysAhead(8, 15);
  await session.query(`INSERT INTO appointments (tenant_id, broker_id, client_id, starts_at, ends_at, status) VALUES ($1, $2, $3, $4, $4::timestamptz + interval '30 minutes', 'booked')`, [tenantId, brokerId, clientId, bookedAt]);
  const campaignId = await one(`INSERT INTO campaigns (tenant_id, name, product_id, status) VALUES ($1, 'Dental gap', $2, 'draft') RETURNING id`, [tenantId, productId]);
  const attemptId = await one(`INSERT INTO call_attempts (tenant_id, campaign_id, client_id, attempt_number, status) VALUES ($1, $2, $3, 1, 'pending') RETURNING id`, [tenantId, campaignId, clientId]);
  await session.query(`INSERT INTO consents (tenant_id, client_id, scope, granted) VALUES ($1, $2, 'cross-sell', true)`, [tenantId, clientId]);
  await session.query(`INSERT INTO dnc_entries (tenant_id, phone_e164, source) VALUES ($1, $2, 'test')`, [tenantId, clientPhone]);
  const callId = `call-${tenantId}`;
  await session.query(`INSERT INTO calls (id, tenant_id, direction, from_e164, to_e164, campaign_id, attempt_id, client_id) VALUES ($1, $2, 'outbound', $3, $4, $5, $6, $7)`, [callId, tenantId, phoneNumber, clientPhone, campaignId, attemptId, clientId]);
  await session.query(`INSERT INTO call_turns (tenant_id, call_id, turn_index, speaker, text) VALUES ($1, $2, 0, 'agent', 'Hello')`, [tenantId, callId]);
  await session.query(`INSERT INTO tool_invocations (tenant_id, call_id, tool_name, idempotency_key, arguments, outcome, result) VALUES ($1, $2, 'lookup_faq', $3, '{}', 'ok', '{}')`, [tenantId, callId, `${callId}:t1:lookup_faq`]);
  await session.query(`INSERT INTO messages (tenant_id, call_id, caller_name, callback_phone_e164, body, urgency) VALUES ($1, $2, 'Pat', $3, 'Call me', 'routine')`, [tenantId, callId, clientPhone]);
  await session.query(`INSERT INTO callback_requests (tenant_id, client_id, phone_e164, not_before, reason, status) VALUES ($1, $2, $3, now(), 'asked', 'open')`, [tenantId, clientId, clientPhone]);
  await session.query(`INSERT INTO intake_records (tenant_id, call_id, client_id, payload_enc) VALUES ($1, $2, $3, 'v1.k1.iv.tag.ct')`, [tenantId, callId, clientId]);
  await session.query(`INSERT INTO kb_entries (tenant_id, category, question, answer) VALUES ($1, 'hours', 'When are you open?', 'We are open Monday to Friday, 8 to 6.')`, [tenantId]);
  await session.query(`INSERT INTO audit_log (tenant_id, actor, action, subject) VALUES ($1, 'test', 'fixture.created', 'tenant')`, [tenantId]);
  return { tenantId, brokerId, clientId, phoneNumber, slotStartsAt };
}

/** A UTC instant `days` from today at `hourUtc`:00, so fixtures stay in the future. */
export function slotDaysAhead(days: number, hourUtc: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + days);
  day.setUTCHours(hourUtc, 0, 0, 0);
  return day.toISOString();
}
