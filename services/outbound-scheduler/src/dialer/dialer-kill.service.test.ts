import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createPostgresDatabase, migrate, type SqlDatabase } from '@va/data';
import { TwilioStandIn } from '@va/sandbox';
import { deleteTopicsWithPrefix, listeningPort, ServiceProcess } from '@va/service-kit/testing';
import { SCHEDULER_MAIN, schedulerProcessEnv, startHangUpGateway } from './scheduler-process.test-support';
import { createTestDatabase, requireKafka, requirePostgres, uniqueTopicPrefix, waitFor, type TestDatabase } from '@va/testing';
import { CallbackProxy } from './callback-proxy.test-support';

const ACCOUNT_SID = 'AC' + '9e8d7c6b5a493827'.repeat(2);
const AUTH_TOKEN = 'dialer-kill-token';
const TARGETS = 40;
const CAMPAIGN_CONCURRENCY = 3;
const phoneOf = (i: number) => `+1212555${String(1000 + i)}`;

/**
 * Two outbound-scheduler processes on one database dial one campaign; one is killed with
 * SIGKILL while it holds leases. Twilio's callbacks reach the replicas through one public
 * origin (a proxy, as a Kubernetes Service would be), so the survivor hears the dead one's calls.
 */
describe('two scheduler processes and a kill -9 of one mid-campaign', () => {
  const topicPrefix = uniqueTopicPrefix('dialer-kill');
  let database: TestDatabase;
  let db: SqlDatabase;
  let standIn: TwilioStandIn;
  let gateway: { readonly url: string; close(): void };
  let proxy: CallbackProxy;
  const replicas: ServiceProcess[] = [];

  before(async () => {
    await requireKafka();
    await requirePostgres();
    database = await createTestDatabase('dialer_kill');
    standIn = await TwilioStandIn.start({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, ringMs: 250 });
    standIn.onOutboundCall(() => ({ kind: 'answer', by: 'human' }));
    gateway = await startHangUpGateway();
    proxy = await CallbackProxy.start();
    const env = schedulerProcessEnv({
      topicPrefix,
      databaseUrl: database.url,
      twilio: { url: standIn.url, accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      gatewayUrl: gateway.url,
      extra: { PUBLIC_BASE_URL: proxy.url, DIALER_POLL_INTERVAL_MS: '200', DIALER_LEASE_MS: '2000', DIALER_STUCK_CALL_MS: '5000', OUTBOUND_CALLS_PER_SECOND: '4' },
    });
    replicas.push(ServiceProcess.start(SCHEDULER_MAIN, env), ServiceProcess.start(SCHEDULER_MAIN, env));
    const ports = await Promise.all(replicas.map((replica) => listeningPort(replica)));
    proxy.setBackends(ports.map((port) => `http://127.0.0.1:${port}`));
    db = createPostgresDatabase({ connectionString: database.url, max: 2 });
    await migrate(db);
  });

  after(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await db?.close();
    await proxy?.close();
    await standIn?.close();
    gateway?.close();
    await database?.drop();
    await deleteTopicsWithPrefix(topicPrefix);
  });

  it('dials every target exactly once and leaves none pending, leased or dialling', async () => {
    const owners = await Promise.all(replicas.map(async (replica) => String((await replica.waitForLog((line) => line['msg'] === 'dialer started', 30_000, 'dialer started'))['leaseOwner'])));
    const tenantId = randomUUID();
    const campaignId = randomUUID();
    await db.asOwner(async (session) => {
      await session.query(`INSERT INTO tenants (id, name, kind, time_zone, settings) VALUES ($1, 'T', 'brokerage', 'America/New_York', '{"maxConcurrentCalls": 10}')`, [tenantId]);
      await session.query(`INSERT INTO tenant_phone_numbers (e164, tenant_id, purpose) VALUES ('+15550880001', $1, 'outbound')`, [tenantId]);
      const settings = {
        productCode: 'DENTAL-PLUS',
        window: { startsAt: new Date(Date.now() - 86_400_000).toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString() },
        callingHours: { start: '00:00', end: '23:59' },
        concurrency: CAMPAIGN_CONCURRENCY,
        retry: { maxAttempts: 2, backoffMinutes: 60 },
      };
      await session.query(`INSERT INTO campaigns (id, tenant_id, name, status, settings) VALUES ($1, $2, 'C', 'running', $3)`, [campaignId, tenantId, JSON.stringify(settings)]);
      for (let i = 0; i < TARGETS; i += 1) {
        const client = await session.query<{ id: string }>(`INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, time_zone) VALUES ($1, 'A', $2, $3, 'America/New_York') RETURNING id`, [tenantId, `N${i}`, phoneOf(i)]);
        await session.query(`INSERT INTO call_attempts (tenant_id, campaign_id, client_id, attempt_number, status) VALUES ($1, $2, $3, 1, 'pending')`, [tenantId, campaignId, client.rows[0]?.id]);
      }
    });
    const rows = async <R extends object>(sql: string, params: unknown[] = []): Promise<R[]> => (await db.inTenant(tenantId, (session) => session.query<R>(sql, params))).rows;

    // The victim is whichever replica holds leases once the campaign is under way.
    const [victimIndex, heldAtKill] = await waitFor(
      async () => {
        if (standIn.calls().length < 8) return undefined;
        const held = await rows<{ lease_owner: string; n: string }>(`SELECT lease_owner, count(*) AS n FROM call_attempts WHERE status IN ('leased', 'dialling') GROUP BY lease_owner`);
        const index = owners.findIndex((owner) => held.some((row) => row.lease_owner === owner && Number(row.n) > 0));
        return index < 0 ? undefined : ([index, Number(held.find((row) => row.lease_owner === owners[index])?.n)] as const);
      },
      { timeoutMs: 30_000, intervalMs: 20, description: 'a replica holding leases mid-campaign' },
    );
    const victim = replicas[victimIndex];
    assert.ok(victim !== undefined);
    victim.signal('SIGKILL');
    assert.equal((await victim.exited(5_000)).signal, 'SIGKILL');
    const callsAtKill = standIn.calls().length;
    assert.ok(callsAtKill < TARGETS, `killed mid-campaign (${callsAtKill} calls placed)`);
    assert.ok(heldAtKill > 0);

    await waitFor(async () => (await rows<{ status: string }>('SELECT status FROM campaigns'))[0]?.status === 'completed', {
      timeoutMs: 60_000,
      intervalMs: 250,
      description: 'the survivor finished the campaign',
    });

    for (let i = 0; i < TARGETS; i += 1) assert.equal(standIn.calls().filter((call) => call.to === phoneOf(i)).length, 1, `target ${i} dialled exactly once`);
    const attempts = await rows<{ status: string; outcome: string; attempt_number: number; n: string }>(`SELECT status, outcome, attempt_number, count(*) AS n FROM call_attempts GROUP BY 1, 2, 3`);
    assert.deepEqual(attempts.map((row) => [row.status, row.outcome, row.attempt_number, Number(row.n)]), [['completed', 'connected', 1, TARGETS]], 'none left pending, leased or dialling; none lost');
    const calls = await rows<{ provider_call_id: string }>('SELECT provider_call_id FROM calls');
    assert.equal(calls.length, TARGETS, 'one calls row per attempt');
    assert.deepEqual(new Set(calls.map((call) => call.provider_call_id)), new Set(standIn.calls().map((call) => call.sid)), 'each calls row names its Twilio call');

    const audit = await rows<{ action: string; reason: string | null; per_attempt: string; attempts: string }>(
      `SELECT action, COALESCE(detail->>'reason', '') AS reason, max(n)::text AS per_attempt, count(*)::text AS attempts
         FROM (SELECT action, detail, subject, count(*) OVER (PARTITION BY action, detail->>'reason', subject) AS n FROM audit_log WHERE actor = 'dialer' AND action IN ('dial', 'complete')) x
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const byKey = new Map(audit.map((row) => [`${row.action}:${row.reason}`, row]));
    assert.equal(byKey.get('complete:')?.attempts, String(TARGETS), 'one completion per attempt');
    assert.equal(byKey.get('complete:')?.per_attempt, '1');
    assert.equal(byKey.get('dial:rules_passed')?.attempts, String(TARGETS), 'one dial decision per attempt');
    assert.equal(byKey.get('dial:rules_passed')?.per_attempt, '1');
    const redials = Number(byKey.get('dial:redial_after_crash')?.attempts ?? '0');
    assert.ok(redials <= heldAtKill, 'a re-dial only for an attempt the killed replica held');
    const details = await rows<{ detail: string }>(`SELECT detail::text AS detail FROM audit_log`);
    assert.ok(details.every((row) => !/\+1\d{10}/.test(row.detail)), 'no phone number in the audit log');
    assert.ok(replicas.every((replica) => replica === victim || replica.exit === undefined), 'the survivor kept running');
  });
});
