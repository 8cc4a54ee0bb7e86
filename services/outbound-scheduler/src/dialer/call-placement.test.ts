import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { migrate } from '@va/data';
import { openTestPostgres, type DisposableDatabase } from '@va/data/testing';
import { createLogger } from '@va/observability';
import { TwilioStandIn } from '@va/sandbox';
import { CallbackServer, createTestDialer, TestClock } from './dialer.test-support';
import type { DialerLoop } from './loop/dialer.loop';
import { TwilioOutboundTelephony } from './telephony/twilio.outbound-telephony';

const ACCOUNT_SID = 'AC' + '97531fdb86420eca'.repeat(2);
const AUTH_TOKEN = 'placement-test-token';
const NOW = new Date('2026-03-10T16:00:00Z');
const quiet = createLogger({ service: 'placement-test', level: 'error' });

/** How a calls.create failure ends the attempt: a 4xx is final, a 5xx retries per policy. */
describe('dialer: Twilio refusing or failing calls.create (real Postgres, the Twilio stand-in)', () => {
  const clock = new TestClock(NOW);
  const tenantId = randomUUID();
  const campaignId = randomUUID();
  let database: DisposableDatabase;
  let standIn: TwilioStandIn;
  let server: CallbackServer;
  let dialer: DialerLoop;

  before(async () => {
    database = await openTestPostgres('dialer_placement');
    await migrate(database.db);
    standIn = await TwilioStandIn.start({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    server = await CallbackServer.start(quiet, '<Response><Hangup/></Response>');
    const telephony = new TwilioOutboundTelephony({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: standIn.url, requestTimeoutMs: 5_000 });
    server.serve(database.db, clock, AUTH_TOKEN, telephony, quiet);
    dialer = createTestDialer({ db: database.db, clock, owner: 'only', telephony, server, callsPerSecond: 50, leaseMs: 5_000, logger: quiet });
    await database.db.asOwner(async (session) => {
      await session.query(`INSERT INTO tenants (id, name, kind, time_zone) VALUES ($1, 'T', 'brokerage', 'America/New_York')`, [tenantId]);
      await session.query(`INSERT INTO tenant_phone_numbers (e164, tenant_id, purpose) VALUES ('+15550880001', $1, 'both')`, [tenantId]);
      const settings = { productCode: 'X', window: { startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-04-01T00:00:00Z' }, retry: { maxAttempts: 2, backoffMinutes: 30 } };
      await session.query(`INSERT INTO campaigns (id, tenant_id, name, status, settings) VALUES ($1, $2, 'C', 'running', $3)`, [campaignId, tenantId, JSON.stringify(settings)]);
    });
  });

  after(async () => {
    await dialer?.stop();
    await server?.close();
    await standIn?.close();
    await database?.dispose();
  });

  async function attemptFor(phone: string, notBefore: Date): Promise<string> {
    return database.db.asOwner(async (session) => {
      const client = await session.query<{ id: string }>(`INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, time_zone) VALUES ($1, 'A', 'B', $2, 'America/Chicago') RETURNING id`, [tenantId, phone]);
      const attempt = await session.query<{ id: string }>(
        `INSERT INTO call_attempts (tenant_id, campaign_id, client_id, attempt_number, status, not_before) VALUES ($1, $2, $3, 1, 'pending', $4) RETURNING id`,
        [tenantId, campaignId, client.rows[0]?.id, notBefore.toISOString()],
      );
      return String(attempt.rows[0]?.id);
    });
  }

  const attemptsOf = async (phone: string) =>
    (
      await database.db.inTenant(tenantId, (session) =>
        session.query<{ attempt_number: number; status: string; outcome: string | null; not_before: Date }>(
          `SELECT a.attempt_number, a.status, a.outcome, a.not_before FROM call_attempts a JOIN clients c ON c.id = a.client_id WHERE c.phone_e164 = $1 ORDER BY a.attempt_number`,
          [phone],
        ),
      )
    ).rows;

  it('a 4xx (bad number) fails the attempt with dial_error and schedules no retry', async () => {
    await attemptFor('+13125550801', NOW);
    // Due later, so the campaign still has work after this test's tick (it would complete otherwise).
    await attemptFor('+13125550802', new Date(NOW.getTime() + 60 * 60_000));
    standIn.faults.set({ firstByteDelayMs: 0, chunkIntervalMs: 0, fault: { kind: 'http-error', status: 400 }, remaining: 1 });
    await dialer.tick();
    const attempts = await attemptsOf('+13125550801');
    assert.deepEqual(attempts.map((row) => [row.attempt_number, row.status, row.outcome]), [[1, 'failed', 'dial_error']]);
  });

  it('a 5xx fails the attempt and inserts the retry after the back-off', async () => {
    clock.advance(61 * 60_000);
    standIn.faults.set({ firstByteDelayMs: 0, chunkIntervalMs: 0, fault: { kind: 'http-error', status: 503 }, remaining: 1 });
    const before = clock.now().getTime();
    await dialer.tick();
    const attempts = await attemptsOf('+13125550802');
    assert.deepEqual(attempts.map((row) => [row.attempt_number, row.status, row.outcome]), [[1, 'failed', 'failed'], [2, 'pending', null]]);
    const waitMs = (attempts[1]?.not_before.getTime() ?? 0) - before;
    assert.ok(waitMs >= 30 * 60_000 && waitMs < 31 * 60_000, `retry due after the 30 min back-off (${waitMs} ms)`);
    assert.equal(standIn.calls().length, 0, 'no call was placed');
  });
});
