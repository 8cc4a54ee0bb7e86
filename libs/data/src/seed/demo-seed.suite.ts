import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateFieldKey, parseFieldKeyring, type FieldCipher } from '../crypto';
import { migrate } from '../migrations/migration.runner';
import type { SqlDatabase } from '../sql/sql.database';
import { seedDemo, type DemoSeedReport } from './demo.seed';
import { fieldContext } from '../crypto/field.context';

/** A Wednesday; the calendars start Monday 2026-03-02 and cross the US change to daylight time on 8 March. */
const CLOCK = () => new Date('2026-02-25T15:00:00Z');
const MAX_EMBEDDED_SEED_MS = 5_000;

interface SlotView {
  readonly broker: string;
  readonly local_day: string;
  readonly local_time: string;
  readonly weekday: number;
  readonly minutes: number;
  readonly utc: string;
}

/**
 * The demo seed on one database backend: the tenants and their rows, calendars in each
 * broker's zone, encrypted fields, idempotency, isolation and the clinic's searchable FAQ.
 */
export function runDemoSeedSuite(backend: string, open: () => Promise<{ db: SqlDatabase; dispose(): Promise<void> }>): void {
  describe(`demo seed: ${backend}`, () => {
    let db: SqlDatabase;
    let dispose: () => Promise<void>;
    let cipher: FieldCipher;
    let report: DemoSeedReport;
    let seedMs: number;

    before(async () => {
      ({ db, dispose } = await open());
      await migrate(db);
      cipher = parseFieldKeyring({ keys: `k1:${generateFieldKey()}`, activeKeyId: 'k1' });
      const started = performance.now();
      report = await seedDemo(db, cipher, { clock: CLOCK });
      seedMs = performance.now() - started;
    });

    after(async () => {
      await dispose();
    });

    const brokerage = () => report.brokerage.id;
    const clinic = () => report.clinic.id;

    it('loads the brokerage: 3 brokers, 200 clients, 10 DNC numbers, two weeks of slots, products and a draft campaign', async (t) => {
      t.diagnostic(`first seeding took ${Math.round(seedMs)} ms`);
      if (db.backend === 'embedded') assert.ok(seedMs < MAX_EMBEDDED_SEED_MS, `seeding took ${Math.round(seedMs)} ms`);
      assert.equal(report.brokerage.name, 'Harbor Health Brokers');
      assert.equal(report.brokerage.kind, 'brokerage');
      assert.deepEqual(report.brokerage.counts, {
        tenant_phone_numbers: 2, users: 3, brokers: 3, broker_slots: 3 * 10 * 16, clients: 200, products: 2, product_prices: 6,
        eligibility: 400, campaigns: 1, consents: 36, dnc_entries: 10, kb_entries: 0, intake_records: 0,
      });
      assert.deepEqual(report.brokerage.apiKeys.map((key) => key.role).sort(), ['admin', 'auditor', 'broker']);
      const campaign = await db.inTenant(brokerage(), (s) => s.query<{ name: string; status: string; code: string }>(
        `SELECT c.name, c.status, p.code FROM campaigns c JOIN products p ON p.id = c.product_id`));
      assert.deepEqual(campaign.rows, [{ name: 'Dental gap — spring', status: 'draft', code: 'dental-essentials' }]);
      const prices = await db.inTenant(brokerage(), (s) => s.query<{ coverage: string; households: string[] }>(
        `SELECT p.coverage, array_agg(pp.household ORDER BY pp.household) AS households
           FROM product_prices pp JOIN products p ON p.id = pp.product_id GROUP BY p.coverage ORDER BY p.coverage`));
      assert.deepEqual(prices.rows, [
        { coverage: 'dental', households: ['family', 'individual', 'spouse'] },
        { coverage: 'vision', households: ['family', 'individual', 'spouse'] },
      ]);
    });

    it('loads the clinic: its number, a knowledge base, 2 providers with two weeks of slots, a few patients', async () => {
      assert.equal(report.clinic.name, 'Riverside Family Clinic');
      assert.equal(report.clinic.timeZone, 'America/Chicago');
      assert.deepEqual(report.clinic.counts, {
        tenant_phone_numbers: 1, users: 1, brokers: 2, broker_slots: 2 * 10 * 16, clients: 6, products: 0, product_prices: 0,
        eligibility: 0, campaigns: 0, consents: 0, dnc_entries: 0, kb_entries: 12, intake_records: 1,
      });
      const categories = await db.inTenant(clinic(), (s) => s.query<{ category: string }>('SELECT DISTINCT category FROM kb_entries ORDER BY category'));
      assert.deepEqual(categories.rows.map((row) => row.category), ['hours', 'insurers', 'locations', 'policies', 'services']);
    });

    it("reports the database's own counts", async () => {
      const clients = await db.inTenant(brokerage(), (s) => s.query<{ n: number }>('SELECT count(*)::int AS n FROM clients'));
      assert.equal(clients.rows[0]?.n, report.brokerage.counts.clients);
      const slots = await db.inTenant(clinic(), (s) => s.query<{ n: number }>('SELECT count(*)::int AS n FROM broker_slots'));
      assert.equal(slots.rows[0]?.n, report.clinic.counts.broker_slots);
    });

    it("opens each broker's calendar on weekdays 09:00-17:00 in the broker's own zone, from the Monday after the clock", async () => {
      assert.equal(report.slotsFrom, '2026-03-02');
      const slots = await db.inTenant(brokerage(), (s) => s.query<SlotView>(
        `SELECT b.name AS broker,
                to_char(s.starts_at AT TIME ZONE b.time_zone, 'YYYY-MM-DD') AS local_day,
                to_char(s.starts_at AT TIME ZONE b.time_zone, 'HH24:MI') AS local_time,
                extract(isodow FROM s.starts_at AT TIME ZONE b.time_zone)::int AS weekday,
                (extract(epoch FROM s.ends_at - s.starts_at) / 60)::int AS minutes,
                to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS utc
           FROM broker_slots s JOIN brokers b ON b.id = s.broker_id`));
      const brokers = [...new Set(slots.rows.map((slot) => slot.broker))].sort();
      assert.deepEqual(brokers, ['Grace Kim', 'James Carter', 'Maria Alvarez']);
      for (const broker of brokers) {
        const own = slots.rows.filter((slot) => slot.broker === broker);
        const days = [...new Set(own.map((slot) => slot.local_day))].sort();
        assert.equal(days.length, 10, `${broker}: ten working days`);
        assert.equal(days[0], '2026-03-02');
        assert.equal(days[9], '2026-03-13');
        assert.ok(own.every((slot) => slot.weekday >= 1 && slot.weekday <= 5), `${broker}: weekdays only`);
        assert.ok(own.every((slot) => slot.minutes === 30), `${broker}: 30-minute slots`);
        const times = [...new Set(own.map((slot) => slot.local_time))].sort();
        assert.equal(times.length, 16);
        assert.equal(times[0], '09:00');
        assert.equal(times[15], '16:30');
      }
      const maria = (day: string) => slots.rows.find((slot) => slot.broker === 'Maria Alvarez' && slot.local_day === day && slot.local_time === '09:00')?.utc;
      assert.equal(maria('2026-03-06'), '2026-03-06T14:00', '09:00 EST before daylight time');
      assert.equal(maria('2026-03-09'), '2026-03-09T13:00', '09:00 EDT after daylight time');
      const grace = slots.rows.find((slot) => slot.broker === 'Grace Kim' && slot.local_day === '2026-03-02' && slot.local_time === '09:00');
      assert.equal(grace?.utc, '2026-03-02T17:00', 'a Pacific broker opens at 09:00 Pacific');
    });

    it('spreads clients over the US time zones, most in the East, and gives each a broker, a phone and eligibility per product', async () => {
      const zones = await db.inTenant(brokerage(), (s) => s.query<{ time_zone: string | null; n: number }>(
        'SELECT time_zone, count(*)::int AS n FROM clients GROUP BY time_zone ORDER BY n DESC'));
      const known = zones.rows.filter((row) => row.time_zone !== null);
      assert.ok(known.length >= 5, `clients in ${known.length} zones`);
      assert.equal(known[0]?.time_zone, 'America/New_York');
      const shape = await db.inTenant(brokerage(), (s) => s.query<{ phones: number; e164: number; brokers: number; gap_kinds: number; names: number }>(
        `SELECT count(DISTINCT phone_e164)::int AS phones,
                count(*) FILTER (WHERE phone_e164 ~ '^\\+1[2-9][0-9]{9}$')::int AS e164,
                count(DISTINCT assigned_broker_id)::int AS brokers,
                count(DISTINCT coverage_gaps)::int AS gap_kinds,
                count(DISTINCT first_name || ' ' || last_name)::int AS names
           FROM clients`));
      assert.deepEqual(shape.rows[0], { phones: 200, e164: 200, brokers: 3, gap_kinds: 4, names: 200 });
      const eligibility = await db.inTenant(brokerage(), (s) => s.query<{ n: number; eligible: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE eligible)::int AS eligible FROM eligibility`));
      assert.equal(eligibility.rows[0]?.n, 400);
      assert.ok((eligibility.rows[0]?.eligible ?? 0) > 100, 'many clients are eligible for the product matching their gap');
      const mismatched = await db.inTenant(brokerage(), (s) => s.query(
        `SELECT 1 FROM eligibility e JOIN clients c ON c.id = e.client_id JOIN products p ON p.id = e.product_id
          WHERE e.eligible AND NOT (p.coverage = ANY (c.coverage_gaps))`));
      assert.equal(mismatched.rows.length, 0, 'nobody is eligible for coverage they already have');
    });

    it('puts exactly 10 clients on the DNC list and keeps consent records apart from them', async () => {
      const dnc = await db.inTenant(brokerage(), (s) => s.query<{ client: string | null }>(
        'SELECT c.id AS client FROM dnc_entries d LEFT JOIN clients c ON c.phone_e164 = d.phone_e164'));
      assert.equal(dnc.rows.length, 10);
      assert.ok(dnc.rows.every((row) => row.client !== null), 'every DNC number is a client');
      const overlap = await db.inTenant(brokerage(), (s) => s.query(
        'SELECT 1 FROM consents k JOIN clients c ON c.id = k.client_id JOIN dnc_entries d ON d.phone_e164 = c.phone_e164'));
      assert.equal(overlap.rows.length, 0);
      const consents = await db.inTenant(brokerage(), (s) => s.query<{ granted: boolean; n: number }>(
        'SELECT granted, count(*)::int AS n FROM consents GROUP BY granted ORDER BY granted'));
      assert.deepEqual(consents.rows, [{ granted: false, n: 6 }, { granted: true, n: 30 }]);
    });

    it('stores dates of birth and member IDs as envelopes without the plaintext, which decrypt back with the keyring', async () => {
      const rows = await db.inTenant(brokerage(), (s) => s.query<{ dob: string; member: string }>(
        'SELECT date_of_birth_enc AS dob, member_id_enc AS member FROM clients'));
      assert.equal(rows.rows.length, 200);
      for (const row of rows.rows) {
        const dob = cipher.decrypt(row.dob, fieldContext('clients', 'date_of_birth', brokerage()));
        const member = cipher.decrypt(row.member, fieldContext('clients', 'member_id', brokerage()));
        assert.match(dob, /^(19[4-9][0-9]|2000)-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$/);
        assert.match(member, /^[A-Z]{3}[0-9]{9}$/);
        assert.match(row.dob, /^v1\./);
        assert.ok(!row.dob.includes(dob) && !row.dob.includes(dob.replaceAll('-', '')), 'no plaintext date in the envelope');
        assert.ok(!row.member.includes(member), 'no plaintext member ID in the envelope');
      }
      const first = rows.rows[0];
      assert.throws(() => cipher.decrypt(first.dob, fieldContext('clients', 'member_id', brokerage())), 'bound to its column');
      assert.throws(() => cipher.decrypt(first.dob, fieldContext('clients', 'date_of_birth', clinic())), 'bound to its tenant');
      const ana = await db.inTenant(clinic(), (s) => s.query<{ dob: string; member: string }>(
        `SELECT date_of_birth_enc AS dob, member_id_enc AS member FROM clients WHERE first_name = 'Ana' AND last_name = 'Morales'`));
      assert.equal(cipher.decrypt(ana.rows[0].dob, fieldContext('clients', 'date_of_birth', clinic())), '1984-07-12');
      assert.equal(cipher.decrypt(ana.rows[0].member, fieldContext('clients', 'member_id', clinic())), 'XOF845120337');
      assert.ok(!ana.rows[0].member.includes('XOF845120337'));
      const intake = await db.inTenant(clinic(), (s) => s.query<{ payload: string }>('SELECT payload_enc AS payload FROM intake_records'));
      assert.ok(!intake.rows[0].payload.includes('Annual physical'));
      const payload = JSON.parse(cipher.decrypt(intake.rows[0].payload, fieldContext('intake_records', 'payload', clinic()))) as { reasonForVisit: string };
      assert.equal(payload.reasonForVisit, 'Annual physical');
    });

    it('keeps the seeded tenants apart under row-level security, and routes each number to its tenant', async () => {
      const kbSeenByBrokerage = await db.inTenant(brokerage(), (s) => s.query('SELECT 1 FROM kb_entries'));
      assert.equal(kbSeenByBrokerage.rows.length, 0);
      const kbSeenByClinic = await db.inTenant(clinic(), (s) => s.query<{ tenant_id: string }>('SELECT tenant_id FROM kb_entries'));
      assert.equal(kbSeenByClinic.rows.length, 12);
      const brokerageClientsSeenByClinic = await db.inTenant(clinic(), (s) => s.query('SELECT 1 FROM clients WHERE tenant_id = $1', [brokerage()]));
      assert.equal(brokerageClientsSeenByClinic.rows.length, 0);
      const clinicClients = await db.inTenant(clinic(), (s) => s.query<{ tenant_id: string }>('SELECT tenant_id FROM clients'));
      assert.equal(clinicClients.rows.length, 6);
      assert.ok(clinicClients.rows.every((row) => row.tenant_id === clinic()));
      for (const tenant of [report.brokerage, report.clinic]) {
        for (const number of tenant.phoneNumbers) {
          const resolved = await db.withoutTenant((s) => s.query<{ tenant: string }>('SELECT resolve_tenant_by_number($1) AS tenant', [number.e164]));
          assert.equal(resolved.rows[0]?.tenant, tenant.id, number.e164);
        }
      }
    });

    it("answers FAQ searches from the clinic's knowledge base with the right entry first", async () => {
      const search = (tenantId: string, text: string) =>
        db.inTenant(tenantId, (s) => s.query<{ question: string; category: string }>(
          `SELECT question, category FROM kb_entries, websearch_to_tsquery('english', $1) AS q
            WHERE search @@ q ORDER BY ts_rank(search, q) DESC, question`, [text]));
      const open = await search(clinic(), 'when are you open');
      assert.equal(open.rows[0]?.question, 'What are your office hours? When are you open?');
      const hours = await search(clinic(), 'what are your office hours');
      assert.equal(hours.rows[0]?.question, 'What are your office hours? When are you open?');
      const saturday = await search(clinic(), 'are you open on Saturday?');
      assert.equal(saturday.rows[0]?.category, 'hours');
      const insurance = await search(clinic(), 'do you accept my insurance');
      assert.equal(insurance.rows[0]?.question, 'Which insurance plans do you accept?');
      const parking = await search(clinic(), 'where can I park');
      assert.equal(parking.rows[0]?.question, 'Is there parking at the clinic?');
      assert.equal((await search(brokerage(), 'when are you open')).rows.length, 0, "the brokerage does not see the clinic's entries");
    });

    it('changes nothing when seeded again', async () => {
      const snapshot = () =>
        db.asOwner(async (s) => {
          const clients = await s.query('SELECT id, phone_e164, date_of_birth_enc, member_id_enc, coverage_gaps FROM clients ORDER BY id');
          const slots = await s.query('SELECT id, starts_at FROM broker_slots ORDER BY id');
          const consents = await s.query('SELECT id, granted, recorded_at FROM consents ORDER BY id');
          return JSON.stringify([clients.rows, slots.rows, consents.rows]);
        });
      const before = await snapshot();
      const again = await seedDemo(db, cipher, { clock: CLOCK });
      assert.equal(again.insertedRows, 0);
      assert.deepEqual(again.brokerage, report.brokerage);
      assert.deepEqual(again.clinic, report.clinic);
      assert.equal(await snapshot(), before);
    });
  });
}
