import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrate } from '../migrations/migration.runner';
import { MIGRATIONS } from '../migrations/migrations.list';
import { isUniqueViolation } from '../sql/database.errors';
import { InvalidTenantIdError, type SqlDatabase, type SqlSession } from '../sql/sql.database';
import { createTenantFixture, TENANT_TABLES, type TenantFixture } from './tenant.fixture';

/** A picture of the schema to compare before and after a second migration run. */
async function schemaSnapshot(session: SqlSession): Promise<string> {
  const columns = await session.query(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  );
  const policies = await session.query(`SELECT tablename, policyname, qual FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename, policyname`);
  const indexes = await session.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`);
  return JSON.stringify([columns.rows, policies.rows, indexes.rows]);
}

/**
 * The contract both database backends keep (Postgres server and embedded PGlite): migrations
 * are idempotent, tenants are isolated below the application code, the audit log is
 * append-only, slots cannot be double-booked, sensitive columns refuse plaintext.
 */
export function runDatabaseSuite(backend: string, open: () => Promise<{ db: SqlDatabase; dispose(): Promise<void> }>): void {
  describe(`database: ${backend}`, () => {
    let db: SqlDatabase;
    let dispose: () => Promise<void>;
    let tenantA: TenantFixture;
    let tenantB: TenantFixture;

    before(async () => {
      ({ db, dispose } = await open());
      const first = await migrate(db);
      assert.deepEqual(first.applied, MIGRATIONS.map((migration) => migration.version));
      [tenantA, tenantB] = await db.asOwner(async (session) => [await createTenantFixture(session, 1), await createTenantFixture(session, 2)]);
    });

    after(async () => {
      await dispose();
    });

    it('runs migrations twice without changing anything', async () => {
      const before = await db.asOwner(schemaSnapshot);
      const second = await migrate(db);
      assert.deepEqual(second.applied, []);
      assert.deepEqual(second.alreadyApplied, MIGRATIONS.map((migration) => migration.version));
      assert.equal(await db.asOwner(schemaSnapshot), before);
    });

    it('refuses an applied migration whose text changed', async () => {
      const edited = MIGRATIONS.map((migration) => ({ ...migration, sql: `${migration.sql}\n-- edited` }));
      await assert.rejects(migrate(db, edited), /was applied with different text/);
    });

    it("shows a tenant only its own rows in every table, whatever the query's filter", async () => {
      for (const table of TENANT_TABLES) {
        const seen = await db.inTenant(tenantA.tenantId, (session) => session.query<{ tenant_id: string }>(`SELECT tenant_id FROM ${table}`));
        assert.ok(seen.rows.length > 0, `${table}: tenant A sees its rows`);
        assert.ok(seen.rows.every((row) => row.tenant_id === tenantA.tenantId), `${table}: tenant A sees no other tenant's row`);
        const targeted = await db.inTenant(tenantA.tenantId, (session) =>
          session.query(`SELECT 1 FROM ${table} WHERE tenant_id = $1`, [tenantB.tenantId]),
        );
        assert.equal(targeted.rows.length, 0, `${table}: asking for tenant B by id returns nothing`);
      }
      const tenants = await db.inTenant(tenantA.tenantId, (session) => session.query<{ id: string }>('SELECT id FROM tenants'));
      assert.deepEqual(tenants.rows.map((row) => row.id), [tenantA.tenantId]);
    });

    it("refuses to write a row into another tenant, or to change another tenant's rows", async () => {
      await assert.rejects(
        db.inTenant(tenantA.tenantId, (session) =>
          session.query(`INSERT INTO dnc_entries (tenant_id, phone_e164, source) VALUES ($1, '+15559990000', 'test')`, [tenantB.tenantId]),
        ),
        /row-level security/,
      );
      const updated = await db.inTenant(tenantA.tenantId, (session) =>
        session.query(`UPDATE clients SET notes = 'changed' WHERE id = $1`, [tenantB.clientId]),
      );
      assert.equal(updated.rowCount, 0);
      const deleted = await db.inTenant(tenantA.tenantId, (session) => session.query(`DELETE FROM kb_entries WHERE tenant_id = $1`, [tenantB.tenantId]));
      assert.equal(deleted.rowCount, 0);
    });

    it('sees no tenant rows before a tenant is known, but resolves a tenant by its dialled number', async () => {
      const clients = await db.withoutTenant((session) => session.query('SELECT 1 FROM clients'));
      assert.equal(clients.rows.length, 0);
      const resolved = await db.withoutTenant((session) =>
        session.query<{ tenant: string | null }>('SELECT resolve_tenant_by_number($1) AS tenant', [tenantB.phoneNumber]),
      );
      assert.equal(resolved.rows[0]?.tenant, tenantB.tenantId);
    });

    it('rejects a tenant id that is not a UUID before running anything', async () => {
      await assert.rejects(db.inTenant("x' OR '1'='1", async () => undefined), InvalidTenantIdError);
    });

    it('keeps the audit log append-only for the application and the owner alike', async () => {
      await db.inTenant(tenantA.tenantId, (session) =>
        session.query(`INSERT INTO audit_log (tenant_id, actor, action, subject) VALUES ($1, 'tool-executor', 'dnc.added', 'client')`, [tenantA.tenantId]),
      );
      await assert.rejects(db.inTenant(tenantA.tenantId, (session) => session.query(`UPDATE audit_log SET action = 'forged'`)), /permission denied|append-only/);
      await assert.rejects(db.inTenant(tenantA.tenantId, (session) => session.query(`DELETE FROM audit_log`)), /permission denied|append-only/);
      await assert.rejects(db.asOwner((session) => session.query(`UPDATE audit_log SET action = 'forged'`)), /append-only/);
      await assert.rejects(db.asOwner((session) => session.query(`DELETE FROM audit_log`)), /append-only/);
    });

    it('makes a double-booked slot impossible, and frees it when the booking is cancelled', async () => {
      const book = (session: SqlSession) =>
        session.query(
          `INSERT INTO appointments (tenant_id, broker_id, client_id, starts_at, ends_at, status)
           VALUES ($1, $2, $3, '2026-12-03T16:00:00Z', '2026-12-03T16:30:00Z', 'booked') RETURNING id`,
          [tenantA.tenantId, tenantA.brokerId, tenantA.clientId],
        );
      const first = await db.inTenant(tenantA.tenantId, book);
      const second = await db.inTenant(tenantA.tenantId, book).then(
        () => undefined,
        (error: unknown) => error,
      );
      assert.ok(isUniqueViolation(second, 'appointments_one_booking_per_slot'), 'the second booking of the slot is refused');
      await db.inTenant(tenantA.tenantId, (session) =>
        session.query(`UPDATE appointments SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [first.rows[0] && (first.rows[0] as { id: string }).id]),
      );
      const rebooked = await db.inTenant(tenantA.tenantId, book);
      assert.equal(rebooked.rowCount, 1);
    });

    it('refuses plaintext in the encrypted columns', async () => {
      await assert.rejects(
        db.inTenant(tenantA.tenantId, (session) =>
          session.query(`UPDATE clients SET date_of_birth_enc = '1952-03-03' WHERE id = $1`, [tenantA.clientId]),
        ),
        /check constraint/,
      );
    });

    it("searches a tenant's knowledge base by full text", async () => {
      const hours = await db.inTenant(tenantA.tenantId, (session) =>
        session.query<{ answer: string }>(`SELECT answer FROM kb_entries WHERE search @@ websearch_to_tsquery('english', $1)`, ['open Monday']),
      );
      assert.deepEqual(hours.rows.map((row) => row.answer), ['We are open Monday to Friday, 8 to 6.']);
    });

    it('rolls back the whole transaction when work fails part way', async () => {
      const phone = `+1555777${String(Math.floor(Math.random() * 9000) + 1000)}`;
      await assert.rejects(
        db.inTenant(tenantA.tenantId, async (session) => {
          await session.query(`INSERT INTO dnc_entries (tenant_id, phone_e164, source) VALUES ($1, $2, 'test')`, [tenantA.tenantId, phone]);
          throw new Error('failure after the first write');
        }),
        /failure after the first write/,
      );
      const left = await db.inTenant(tenantA.tenantId, (session) => session.query(`SELECT 1 FROM dnc_entries WHERE phone_e164 = $1`, [phone]));
      assert.equal(left.rows.length, 0, 'nothing half written');
    });
  });
}
