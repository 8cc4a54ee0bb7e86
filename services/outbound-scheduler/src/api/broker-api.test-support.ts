import { clockProvider } from '../clock';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { createInMemoryBus } from '@va/bus';
import { apiKeyHash, apiKeyPrefix, migrate, type SqlDatabase, type SqlSession } from '@va/data';
import { testFieldKeyring } from '@va/data/testing';
import { createLogger, createMetricsRegistry } from '@va/observability';
import { type RunningServiceApp, ServiceReadiness, startServiceApp } from '@va/service-kit';
import { BROKER_API_JSON_BODY_LIMIT_BYTES, brokerApiControllers, brokerApiProviders } from './broker-api.parts';

/** The API's own Nest parts alone (the dialer is not started by these tests). */
@Module({ providers: [clockProvider, ...brokerApiProviders], controllers: brokerApiControllers })
class BrokerApiTestModule {}

export type OpenDatabase = () => Promise<{ db: SqlDatabase; dispose(): Promise<void> }>;

/** One seeded tenant: keys of each role, two brokers, their clients, a call with a transcript, a booking. */
export interface ApiTenant {
  readonly tenantId: string;
  readonly keys: { readonly admin: string; readonly broker: string; readonly otherBroker: string; readonly auditor: string; readonly brokerWithoutProfile: string };
  readonly brokerId: string;
  readonly otherBrokerId: string;
  /** Assigned to the broker: dental gap, and vision gap. */
  readonly clientIds: readonly [string, string];
  /** Assigned to the other broker. */
  readonly otherClientId: string;
  readonly campaignId: string;
  readonly callId: string;
  readonly appointmentId: string;
  readonly productCode: string;
}

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
  readonly text: string;
}

export interface SendOptions {
  readonly json?: unknown;
  readonly raw?: string;
  readonly contentType?: string;
  readonly idempotencyKey?: string;
}

/** A migrated database with tenants A and B, the API app on an ephemeral port, and a fetch helper. */
export class BrokerApiHarness {
  private opened: { db: SqlDatabase; dispose(): Promise<void> } | undefined;
  private app: RunningServiceApp | undefined;
  private tenants: [ApiTenant, ApiTenant] | undefined;
  readonly keyring = testFieldKeyring();
  /** Every JSON log line the app wrote. */
  readonly logLines: string[] = [];

  async start(open: OpenDatabase): Promise<void> {
    this.opened = await open();
    await migrate(this.opened.db);
    this.tenants = await this.opened.db.asOwner(async (session) => [await seedApiTenant(session, 1), await seedApiTenant(session, 2)]);
    const logger = createLogger({ service: 'outbound-scheduler', destination: { write: (line: string) => void this.logLines.push(line) } });
    this.app = await startServiceApp({
      definition: {
        name: 'outbound-scheduler',
        defaultHttpPort: 0,
        dependencies: [],
        jsonBodyLimitBytes: BROKER_API_JSON_BODY_LIMIT_BYTES,
        module: () => ({ module: BrokerApiTestModule }),
      },
      port: 0,
      mode: 'embedded',
      logger,
      registry: createMetricsRegistry('outbound-scheduler'),
      readiness: new ServiceReadiness([], 'embedded'),
      bus: createInMemoryBus({ logger }),
      database: this.opened.db,
      serviceConfig: this.keyring.env,
      ownedResources: { close: async () => undefined },
    });
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.opened?.dispose();
  }

  get db(): SqlDatabase {
    assert.ok(this.opened, 'harness started');
    return this.opened.db;
  }

  get a(): ApiTenant {
    assert.ok(this.tenants, 'harness started');
    return this.tenants[0];
  }

  get b(): ApiTenant {
    assert.ok(this.tenants, 'harness started');
    return this.tenants[1];
  }

  async send(key: string | null, method: string, path: string, options: SendOptions = {}): Promise<ApiAnswer> {
    assert.ok(this.app, 'harness started');
    const headers: Record<string, string> = {};
    if (key !== null) headers['authorization'] = `Bearer ${key}`;
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    if (options.raw !== undefined) {
      body = options.raw;
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(`${this.app.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (the docs page)
    }
    return { status: response.status, body: parsed, headers: response.headers, text };
  }

  /** Rows as tenant `tenant` sees them. */
  async rows<R extends object>(tenant: ApiTenant, sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.db.inTenant(tenant.tenantId, (session) => session.query<R>(sql, params))).rows;
  }
}

/** Seeds one tenant as the owner; `n` keeps its phone numbers apart from the other tenant's. */
async function seedApiTenant(session: SqlSession, n: number): Promise<ApiTenant> {
  const tenantId = randomUUID();
  const one = async (sql: string, params: unknown[]): Promise<string> => String((await session.query<{ id: string }>(sql, params)).rows[0]?.id);
  const phone = (kind: number, index: number) => `+1555${n}${kind}${String(index).padStart(5, '0')}`;
  await session.query(`INSERT INTO tenants (id, name, kind, time_zone) VALUES ($1, $2, 'brokerage', 'America/New_York')`, [tenantId, `Api tenant ${n}`]);
  await session.query(`INSERT INTO tenant_phone_numbers (e164, tenant_id, purpose) VALUES ($1, $2, 'both')`, [phone(0, 1), tenantId]);
  const user = async (role: string, name: string) => {
    const key = `va_test_${role}_${randomUUID()}`;
    const id = await one(`INSERT INTO users (tenant_id, email, role, api_key_prefix, api_key_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      tenantId,
      `${name}@tenant${n}.test`,
      role,
      apiKeyPrefix(key),
      apiKeyHash(key),
    ]);
    return { key, id };
  };
  const admin = await user('admin', 'admin');
  const broker = await user('broker', 'broker');
  const otherBroker = await user('broker', 'other-broker');
  const auditor = await user('auditor', 'auditor');
  const brokerWithoutProfile = await user('broker', 'no-profile');
  const brokerId = await one(`INSERT INTO brokers (tenant_id, user_id, name, time_zone) VALUES ($1, $2, 'Broker', 'America/New_York') RETURNING id`, [tenantId, broker.id]);
  const otherBrokerId = await one(`INSERT INTO brokers (tenant_id, user_id, name, time_zone) VALUES ($1, $2, 'Other', 'America/New_York') RETURNING id`, [tenantId, otherBroker.id]);
  const client = (index: number, gap: string, owner: string) =>
    one(
      `INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, time_zone, coverage_gaps, assigned_broker_id) VALUES ($1, 'Pat', $2, $3, 'America/Chicago', $4, $5) RETURNING id`,
      [tenantId, `Client${index}`, phone(1, index), [gap], owner],
    );
  const clientIds: [string, string] = [await client(1, 'dental', brokerId), await client(2, 'vision', brokerId)];
  const otherClientId = await client(3, 'dental', otherBrokerId);
  const productCode = 'DENTAL-PLUS';
  const productId = await one(`INSERT INTO products (tenant_id, code, name, coverage) VALUES ($1, $2, 'Dental Plus', 'dental') RETURNING id`, [tenantId, productCode]);
  const campaignId = await one(`INSERT INTO campaigns (tenant_id, name, product_id, status, created_by) VALUES ($1, 'Seeded', $2, 'draft', $3) RETURNING id`, [
    tenantId,
    productId,
    broker.id,
  ]);
  const attemptId = await one(`INSERT INTO call_attempts (tenant_id, campaign_id, client_id, attempt_number, status) VALUES ($1, $2, $3, 1, 'completed') RETURNING id`, [
    tenantId,
    campaignId,
    clientIds[0],
  ]);
  const callId = `call_${randomUUID()}`;
  await session.query(
    `INSERT INTO calls (id, tenant_id, direction, from_e164, to_e164, campaign_id, attempt_id, client_id) VALUES ($1, $2, 'outbound', $3, $4, $5, $6, $7)`,
    [callId, tenantId, phone(0, 1), phone(1, 1), campaignId, attemptId, clientIds[0]],
  );
  await session.query(`INSERT INTO call_turns (tenant_id, call_id, turn_index, speaker, text) VALUES ($1, $2, 0, 'caller', $3)`, [
    tenantId,
    callId,
    'My birthday is 1952-03-03 and call me back on +15551230000',
  ]);
  await session.query(`INSERT INTO consents (tenant_id, client_id, scope, granted, call_id) VALUES ($1, $2, 'cross-sell', true, $3)`, [tenantId, clientIds[0], callId]);
  const appointmentId = await one(
    `INSERT INTO appointments (tenant_id, broker_id, client_id, starts_at, ends_at, status, call_id) VALUES ($1, $2, $3, now() + interval '2 days', now() + interval '2 days 30 minutes', 'booked', $4) RETURNING id`,
    [tenantId, brokerId, clientIds[0], callId],
  );
  return {
    tenantId,
    keys: { admin: admin.key, broker: broker.key, otherBroker: otherBroker.key, auditor: auditor.key, brokerWithoutProfile: brokerWithoutProfile.key },
    brokerId,
    otherBrokerId,
    clientIds,
    otherClientId,
    campaignId,
    callId,
    appointmentId,
    productCode,
  };
}
