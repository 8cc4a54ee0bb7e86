import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { generateFieldKey, migrate, parseFieldKeyring, type SqlDatabase } from '@va/data';
import { executeToolRequest } from '../execution/tool.executor';
import type { JsonObject, ToolOutcome } from './tool.definition';
import { createToolCatalog } from './tool.list';
import { seedToolsTenant, type ToolsTenant } from './tools.fixture';

/** The tables a tool may write; a tenant's fingerprint over them changes when any row does. */
const WRITABLE_TABLES = ['appointments', 'consents', 'messages', 'callback_requests', 'dnc_entries', 'intake_records', 'tool_invocations', 'audit_log', 'clients'] as const;

export type OpenDatabase = () => Promise<{ db: SqlDatabase; dispose(): Promise<void> }>;

/**
 * The tool tests' world: a migrated database with two seeded tenants, a fixed clock, and
 * requests sent through the executor exactly as the consumer sends them.
 */
export class ToolsHarness {
  readonly now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  readonly catalog = createToolCatalog();
  readonly cipher = parseFieldKeyring({ keys: `t1:${generateFieldKey()}`, activeKeyId: 't1' });
  private opened: { db: SqlDatabase; dispose(): Promise<void> } | undefined;
  private tenants: readonly [ToolsTenant, ToolsTenant] | undefined;

  async start(open: OpenDatabase): Promise<void> {
    this.opened = await open();
    await migrate(this.opened.db);
    this.tenants = await this.opened.db.asOwner(async (session) => [
      await seedToolsTenant(session, 1, { transferNumber: '+15550400001', now: this.now, cipher: this.cipher }),
      await seedToolsTenant(session, 2, { transferNumber: null, now: this.now, cipher: this.cipher }),
    ]);
  }

  async stop(): Promise<void> {
    await this.opened?.dispose();
  }

  get db(): SqlDatabase {
    assert.ok(this.opened, 'the harness is started');
    return this.opened.db;
  }

  /** Tenant A: has an office transfer number. */
  get a(): ToolsTenant {
    assert.ok(this.tenants, 'the harness is started');
    return this.tenants[0];
  }

  /** Tenant B: has no office transfer number. */
  get b(): ToolsTenant {
    assert.ok(this.tenants, 'the harness is started');
    return this.tenants[1];
  }

  /** One tool request through the executor; a fresh idempotency key unless one is given. */
  call(tenant: ToolsTenant, toolName: string, args: unknown, idempotencyKey: string = randomUUID()): Promise<ToolOutcome> {
    const argumentsJson = typeof args === 'string' ? args : JSON.stringify(args);
    return executeToolRequest(
      { tenantId: tenant.tenantId, callId: `call-${tenant.tenantId.slice(0, 8)}`, turnId: 't1', toolName, argumentsJson, idempotencyKey },
      { db: this.db, catalog: this.catalog, clock: () => this.now, cipher: this.cipher },
    );
  }

  /** Rows as the tenant sees them. */
  async rows<R extends object>(tenant: ToolsTenant, sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.db.inTenant(tenant.tenantId, (session) => session.query<R>(sql, params))).rows;
  }

  async count(tenant: ToolsTenant, sql: string, params: readonly unknown[] = []): Promise<number> {
    const [row] = await this.rows<{ n: string }>(tenant, `SELECT count(*) AS n FROM (${sql}) AS counted`, params);
    return Number(row?.n ?? 0);
  }

  /** A digest of every row the tools could write for the tenant (read as the owner). */
  async fingerprint(tenant: ToolsTenant): Promise<string> {
    const parts = await this.db.asOwner(async (session) => {
      const digests: string[] = [];
      for (const table of WRITABLE_TABLES) {
        const found = await session.query<{ digest: string | null }>(
          `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t WHERE tenant_id = $1`,
          [tenant.tenantId],
        );
        digests.push(`${table}:${found.rows[0]?.digest ?? 'empty'}`);
      }
      return digests;
    });
    return parts.join(',');
  }

  /** Bad arguments: validation_failed naming `fields`, and nothing written at all (not even the invocation). */
  async expectRefused(toolName: string, args: unknown, fields: readonly string[]): Promise<void> {
    const before = await this.fingerprint(this.a);
    assertInvalidFields(await this.call(this.a, toolName, args), fields);
    assert.equal(await this.fingerprint(this.a), before, `${toolName}: nothing written for bad arguments`);
  }

  /** Tenant A naming tenant B's rows: not_found, and nothing of B's changes. */
  async expectIsolated(toolName: string, args: unknown): Promise<void> {
    const before = await this.fingerprint(this.b);
    errorDetails(await this.call(this.a, toolName, args), 'not_found');
    assert.equal(await this.fingerprint(this.b), before, `${toolName}: tenant B unchanged`);
  }

  /** The same request twice with one key: identical outcomes, and `countSql` (a row count) grows by one. */
  async expectIdempotent(toolName: string, args: unknown, countSql: string, params: readonly unknown[] = []): Promise<ToolOutcome> {
    const key = randomUUID();
    const rowsBefore = await this.count(this.a, countSql, params);
    const first = await this.call(this.a, toolName, args, key);
    const second = await this.call(this.a, toolName, args, key);
    okResult(first);
    assert.deepEqual(second, first, `${toolName}: the repeat answers as the first did`);
    assert.equal(await this.count(this.a, countSql, params), rowsBefore + 1, `${toolName}: one row for two requests`);
    assert.equal(await this.count(this.a, 'SELECT 1 FROM tool_invocations WHERE idempotency_key = $1', [key]), 1);
    return first;
  }

  /** A slot of the tenant's broker `days` ahead at `hourUtc` (created if missing), as an ISO instant. */
  async slot(tenant: ToolsTenant, days: number, hourUtc: number): Promise<string> {
    const day = new Date(this.now);
    day.setUTCDate(day.getUTCDate() + days);
    day.setUTCHours(hourUtc, 0, 0, 0);
    const startsAt = day.toISOString();
    await this.db.asOwner((session) =>
      session.query(
        `INSERT INTO broker_slots (tenant_id, broker_id, starts_at, ends_at) VALUES ($1, $2, $3, $3::timestamptz + interval '30 minutes') ON CONFLICT DO NOTHING`,
        [tenant.tenantId, tenant.brokerId, startsAt],
      ),
    );
    return startsAt;
  }

  /** An appointment of the tenant's client with its broker, in a slot `days` ahead at `hourUtc`. */
  async appointment(tenant: ToolsTenant, days: number, hourUtc: number, status: 'booked' | 'cancelled' = 'booked'): Promise<string> {
    const startsAt = await this.slot(tenant, days, hourUtc);
    const inserted = await this.db.asOwner((session) =>
      session.query<{ id: string }>(
        `INSERT INTO appointments (tenant_id, broker_id, client_id, starts_at, ends_at, status, purpose, cancelled_at)
         VALUES ($1, $2, $3, $4, $4::timestamptz + interval '30 minutes', $5, 'dental review', CASE WHEN $5 = 'cancelled' THEN now() END) RETURNING id`,
        [tenant.tenantId, tenant.brokerId, tenant.clientId, startsAt, status],
      ),
    );
    return String(inserted.rows[0]?.id);
  }
}

/** The result of an ok outcome (fails the test otherwise). */
export function okResult(outcome: ToolOutcome): JsonObject {
  assert.equal(outcome.kind, 'ok', `expected ok, got ${JSON.stringify(outcome)}`);
  return outcome.kind === 'ok' ? outcome.result : {};
}

/** Asserts an error outcome with `code`; returns its details. */
export function errorDetails(outcome: ToolOutcome, code: string): JsonObject {
  assert.equal(outcome.kind, 'error', `expected ${code}, got ${JSON.stringify(outcome)}`);
  if (outcome.kind !== 'error') return {};
  assert.equal(outcome.code, code, `expected ${code}, got ${outcome.code}: ${outcome.message}`);
  return outcome.details ?? {};
}

/** Asserts validation_failed naming each of `fields` (as the bad field, or in the problem, as for an unknown key). */
export function assertInvalidFields(outcome: ToolOutcome, fields: readonly string[]): void {
  const details = errorDetails(outcome, 'validation_failed');
  const entries = (Array.isArray(details['fields']) ? details['fields'] : []) as readonly { field?: string; problem?: string }[];
  for (const field of fields) {
    assert.ok(
      entries.some((entry) => entry.field === field || (entry.problem ?? '').includes(field)),
      `validation names ${field}: ${JSON.stringify(entries)}`,
    );
  }
}
