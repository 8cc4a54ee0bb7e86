import { randomUUID } from 'node:crypto';
import { fieldContext, type FieldCipher, type SqlSession } from '@va/data';

/** One tenant's rows the tool tests read and change; `n` keeps its phone numbers distinct. */
export interface ToolsTenant {
  readonly tenantId: string;
  readonly brokerId: string;
  readonly brokerPhone: string;
  /** Pat: assigned to the broker, with encrypted date of birth and member id on file. */
  readonly clientId: string;
  readonly clientPhone: string;
  /** Sam: no assigned broker. */
  readonly unassignedClientId: string;
  /** The broker's free slots two days ahead, in order; appointment tests add slots of their own on later days. */
  readonly slots: readonly string[];
  readonly transferNumber: string | null;
}

export interface ToolsTenantOptions {
  readonly transferNumber: string | null;
  /** The instant the slots are laid out from (the suite's clock). */
  readonly now: Date;
  readonly cipher: FieldCipher;
}

/** Pat's date of birth and member id, stored encrypted under the tenant's field contexts. */
export const PAT_DATE_OF_BIRTH = '1961-04-23';
export const PAT_MEMBER_ID = 'ZX1234567';

const SLOT_COUNT = 8;
const SLOT_MINUTES = 30;

/** Seeds a brokerage with a broker, two clients, products, prices, eligibility, slots and a knowledge base (as the owner). */
export async function seedToolsTenant(session: SqlSession, n: number, options: ToolsTenantOptions): Promise<ToolsTenant> {
  const tenantId = randomUUID();
  const digits = String(n).padStart(2, '0');
  const brokerPhone = `+1555030${digits}01`;
  const clientPhone = `+1555020${digits}01`;
  const id = async (sql: string, params: unknown[]): Promise<string> => String((await session.query<{ id: string }>(sql, params)).rows[0]?.id);
  const settings = options.transferNumber === null ? {} : { transferNumber: options.transferNumber };

  await session.query(`INSERT INTO tenants (id, name, kind, time_zone, settings) VALUES ($1, $2, 'brokerage', 'America/New_York', $3)`, [tenantId, `Tools tenant ${n}`, JSON.stringify(settings)]);
  const brokerId = await id(`INSERT INTO brokers (tenant_id, name, phone_e164, time_zone) VALUES ($1, $2, $3, 'America/New_York') RETURNING id`, [tenantId, `Alex Broker ${n}`, brokerPhone]);
  const clientId = await id(
    `INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, date_of_birth_enc, member_id_enc, time_zone, current_plan, coverage_gaps, assigned_broker_id)
     VALUES ($1, 'Pat', 'Doe', $2, $4, $5, 'America/Chicago', 'Gold PPO', '{dental,vision}', $3) RETURNING id`,
    [
      tenantId,
      clientPhone,
      brokerId,
      options.cipher.encrypt(PAT_DATE_OF_BIRTH, fieldContext('clients', 'date_of_birth', tenantId)),
      options.cipher.encrypt(PAT_MEMBER_ID, fieldContext('clients', 'member_id', tenantId)),
    ],
  );
  const unassignedClientId = await id(`INSERT INTO clients (tenant_id, first_name, last_name, phone_e164) VALUES ($1, 'Sam', 'Roe', $2) RETURNING id`, [tenantId, `+1555020${digits}02`]);

  const dental = await id(`INSERT INTO products (tenant_id, code, name, coverage) VALUES ($1, 'dental-plus', 'Dental Plus', 'dental') RETURNING id`, [tenantId]);
  const vision = await id(`INSERT INTO products (tenant_id, code, name, coverage) VALUES ($1, 'vision-basic', 'Vision Basic', 'vision') RETURNING id`, [tenantId]);
  const price = `INSERT INTO product_prices (tenant_id, product_id, household, monthly_min_cents, monthly_max_cents) VALUES ($1, $2, $3, $4, $5)`;
  await session.query(price, [tenantId, dental, 'individual', 2000, 4050]);
  await session.query(price, [tenantId, dental, 'family', 5000, 9000]);
  await session.query(price, [tenantId, vision, 'individual', 1000, 1500]);
  const eligibility = `INSERT INTO eligibility (tenant_id, client_id, product_id, eligible, reason) VALUES ($1, $2, $3, $4, $5)`;
  await session.query(eligibility, [tenantId, clientId, dental, true, 'no dental coverage on file']);
  await session.query(eligibility, [tenantId, clientId, vision, false, 'already has vision coverage']);

  const firstSlot = new Date(options.now);
  firstSlot.setUTCDate(firstSlot.getUTCDate() + 2);
  firstSlot.setUTCHours(14, 0, 0, 0);
  const slots = Array.from({ length: SLOT_COUNT }, (_, index) => new Date(firstSlot.getTime() + index * SLOT_MINUTES * 60_000).toISOString());
  for (const startsAt of slots) {
    await session.query(`INSERT INTO broker_slots (tenant_id, broker_id, starts_at, ends_at) VALUES ($1, $2, $3, $3::timestamptz + interval '30 minutes')`, [tenantId, brokerId, startsAt]);
  }

  const kb = `INSERT INTO kb_entries (tenant_id, category, question, answer) VALUES ($1, $2, $3, $4)`;
  await session.query(kb, [tenantId, 'hours', 'What are your office hours? When are you open?', 'We are open Monday to Friday, 8 a.m. to 6 p.m.']);
  await session.query(kb, [tenantId, 'insurers', 'Which insurance plans do you accept?', 'We work with Aetna, Cigna and Humana plans.']);
  await session.query(kb, [tenantId, 'locations', 'Where is your office?', 'Our office is at 100 Main Street, second floor; the parking lot opens at 7 a.m.']);
  await session.query(kb, [tenantId, 'policies', `Tenant ${n} only: do you validate parking?`, `Parking is validated at the front desk (tenant ${n}).`]);

  return { tenantId, brokerId, brokerPhone, clientId, clientPhone, unassignedClientId, slots, transferNumber: options.transferNumber };
}
