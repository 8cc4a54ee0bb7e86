import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createPostgresDatabase, migrate, type SqlDatabase } from '@va/data';
import { TwilioStandIn } from '@va/sandbox';
import { deleteTopicsWithPrefix, listeningPort, ServiceProcess } from '@va/service-kit/testing';
import { SCHEDULER_MAIN, schedulerProcessEnv, startHangUpGateway } from './scheduler-process.test-support';
import { createTestDatabase, requireKafka, requirePostgres, uniqueTopicPrefix, waitFor, type TestDatabase } from '@va/testing';

const ACCOUNT_SID = 'AC' + '0f1e2d3c4b5a6978'.repeat(2);
const AUTH_TOKEN = 'dialer-service-token';

/** The dialer inside the real service process: Nest wiring, config, the loop and the signed callback routes. */
describe('outbound-scheduler process: the dialer places a call and follows its signed callbacks', () => {
  const topicPrefix = uniqueTopicPrefix('dialer');
  let database: TestDatabase;
  let db: SqlDatabase;
  let standIn: TwilioStandIn;
  let gateway: { readonly url: string; close(): void };
  let service: ServiceProcess;
  let baseUrl: string;

  before(async () => {
    await requireKafka();
    await requirePostgres();
    database = await createTestDatabase('dialer_service');
    standIn = await TwilioStandIn.start({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, ringMs: 20 });
    gateway = await startHangUpGateway();
    const env = schedulerProcessEnv({
      topicPrefix,
      databaseUrl: database.url,
      twilio: { url: standIn.url, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      gatewayUrl: gateway.url,
      extra: { DIALER_POLL_INTERVAL_MS: '200' },
    });
    service = ServiceProcess.start(SCHEDULER_MAIN, env);
    baseUrl = `http://127.0.0.1:${await listeningPort(service)}`;
    await service.waitForMessage('dialer started', 30_000);
    db = createPostgresDatabase({ connectionString: database.url, max: 2 });
    // The service migrates as it starts; migrating here too (idempotent, under a lock) orders the seed after it.
    await migrate(db);
  });

  after(async () => {
    await service?.stop();
    await db?.close();
    await standIn?.close();
    gateway?.close();
    await database?.drop();
    await deleteTopicsWithPrefix(topicPrefix);
  });

  it('dials a running campaign\'s due attempt and completes it from the status callback', async () => {
    const tenantId = randomUUID();
    await db.asOwner(async (session) => {
      await session.query(`INSERT INTO tenants (id, name, kind, time_zone) VALUES ($1, 'T', 'brokerage', 'America/New_York')`, [tenantId]);
      await session.query(`INSERT INTO tenant_phone_numbers (e164, tenant_id, purpose) VALUES ('+15550770001', $1, 'outbound')`, [tenantId]);
      const client = await session.query<{ id: string }>(`INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, time_zone) VALUES ($1, 'A', 'B', '+12125550177', 'America/New_York') RETURNING id`, [tenantId]);
      const settings = {
        productCode: 'DENTAL-PLUS',
        window: { startsAt: new Date(Date.now() - 86_400_000).toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString() },
        callingHours: { start: '00:00', end: '23:59' },
      };
      const campaign = await session.query<{ id: string }>(`INSERT INTO campaigns (tenant_id, name, status, settings) VALUES ($1, 'C', 'running', $2) RETURNING id`, [tenantId, JSON.stringify(settings)]);
      await session.query(`INSERT INTO call_attempts (tenant_id, campaign_id, client_id, attempt_number, status) VALUES ($1, $2, $3, 1, 'pending')`, [tenantId, campaign.rows[0]?.id, client.rows[0]?.id]);
    });
    const attempt = await waitFor(
      async () => {
        const rows = await db.inTenant(tenantId, (session) => session.query<{ status: string; outcome: string | null; call_id: string }>('SELECT status, outcome, call_id FROM call_attempts'));
        return rows.rows[0]?.status === 'completed' ? rows.rows[0] : undefined;
      },
      { timeoutMs: 30_000, description: 'the attempt completed' },
    );
    assert.equal(attempt.outcome, 'connected');
    assert.equal(standIn.calls().filter((call) => call.to === '+12125550177').length, 1);
    const call = await db.inTenant(tenantId, (session) => session.query<{ provider_call_id: string; ended_at: Date | null }>('SELECT provider_call_id, ended_at FROM calls WHERE id = $1', [attempt.call_id]));
    assert.match(call.rows[0]?.provider_call_id ?? '', /^CA[0-9a-f]{32}$/);
    assert.ok(call.rows[0]?.ended_at instanceof Date);
  });

  it('refuses a callback without a valid signature (403) and keeps serving', async () => {
    const post = (signature: string) =>
      fetch(`${baseUrl}/twilio/outbound-status?callId=call_${randomUUID()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams({ CallSid: `CA${'0'.repeat(32)}`, CallStatus: 'completed' }),
      });
    assert.equal((await post('forged')).status, 403);
    assert.equal((await post('')).status, 403);
    const amd = await fetch(`${baseUrl}/twilio/outbound-amd`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"nested":{"a":1}}' });
    assert.equal(amd.status, 403);
  });
});
