import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { AnsweredBy, type CallLifecycleEvent } from '@va/contracts';
import { Outcome } from '@va/bus';
import { migrate, type SqlDatabase } from '@va/data';
import { openTestPostgres, type DisposableDatabase } from '@va/data/testing';
import { createLogger } from '@va/observability';
import { TwilioStandIn, type TwilioCallRecord } from '@va/sandbox';
import { waitFor } from '@va/testing';
import { CallbackServer, createTestDialer, TestClock } from './dialer.test-support';
import type { DialerLoop } from './loop/dialer.loop';
import type { OutboundTelephony } from './telephony/outbound.telephony';
import { TwilioOutboundTelephony } from './telephony/twilio.outbound-telephony';

const ACCOUNT_SID = 'AC' + '2468ace013579bdf'.repeat(2);
const AUTH_TOKEN = 'dialer-acceptance-token';
const OUTBOUND_NUMBER = '+15550110001';
/** Tuesday 2026-03-10 16:00 UTC: 12:00 in New York, 11:00 in Chicago, 09:00 in Los Angeles, 06:00 in Honolulu. */
const START = new Date('2026-03-10T16:00:00Z');
const HONOLULU_OPENS = new Date('2026-03-10T18:00:00Z');
const CAMPAIGN_CONCURRENCY = 6;
const CALLS_PER_SECOND = 4;
const LEASE_MS = 3_000;
const quiet = createLogger({ service: 'dialer-acceptance', level: 'error' });

type Kind = 'dnc' | 'honolulu' | 'no-answer-twice' | 'machine' | 'human';
interface Target {
  readonly phone: string;
  readonly kind: Kind;
  readonly zone: string | null;
}

/** 200 targets: 20 on DNC, 30 in Honolulu (zone derived from 808), 10 that do not answer twice, 5 machines, 135 people. */
function targets(): Target[] {
  const kindOf = (i: number): Kind => (i < 20 ? 'dnc' : i < 50 ? 'honolulu' : i < 60 ? 'no-answer-twice' : i < 65 ? 'machine' : 'human');
  return Array.from({ length: 200 }, (_, i) => {
    const kind = kindOf(i);
    const [area, zone] = kind === 'honolulu' ? ['808', null] : ([['212', 'America/New_York'], ['312', 'America/Chicago'], ['415', 'America/Los_Angeles']] as const)[i % 3] ?? ['212', null];
    return { phone: `+1${area}555${String(i).padStart(4, '0')}`, kind, zone };
  });
}

async function seed(db: SqlDatabase, list: readonly Target[]): Promise<{ tenantId: string; campaignId: string }> {
  const tenantId = randomUUID();
  const campaignId = randomUUID();
  await db.asOwner(async (session) => {
    await session.query(`INSERT INTO tenants (id, name, kind, time_zone, settings) VALUES ($1, 'Harbor', 'brokerage', 'America/New_York', '{"maxConcurrentCalls": 10}')`, [tenantId]);
    await session.query(`INSERT INTO tenant_phone_numbers (e164, tenant_id, purpose) VALUES ($1, $2, 'outbound')`, [OUTBOUND_NUMBER, tenantId]);
    const settings = {
      productCode: 'DENTAL-PLUS',
      window: { startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-04-01T00:00:00Z' },
      callingHours: { start: '08:00', end: '21:00' },
      concurrency: CAMPAIGN_CONCURRENCY,
      retry: { maxAttempts: 3, backoffMinutes: 1 },
      voicemail: 'hang-up',
    };
    await session.query(`INSERT INTO campaigns (id, tenant_id, name, status, settings) VALUES ($1, $2, 'Dental gap', 'running', $3)`, [campaignId, tenantId, JSON.stringify(settings)]);
    for (const [i, target] of list.entries()) {
      const client = await session.query<{ id: string }>(
        `INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, time_zone) VALUES ($1, 'Client', $2, $3, $4) RETURNING id`,
        [tenantId, `N${i}`, target.phone, target.zone],
      );
      await session.query(`INSERT INTO call_attempts (tenant_id, campaign_id, client_id, attempt_number, status, not_before) VALUES ($1, $2, $3, 1, 'pending', $4)`, [
        tenantId, campaignId, client.rows[0]?.id, START.toISOString(),
      ]);
      if (target.kind === 'dnc') await session.query(`INSERT INTO dnc_entries (tenant_id, phone_e164, source) VALUES ($1, $2, 'test')`, [tenantId, target.phone]);
    }
  });
  return { tenantId, campaignId };
}

/** The most calls alive at once, from each call's creation to its end on the stand-in. */
function maxOverlap(calls: readonly TwilioCallRecord[]): number {
  const edges = calls.flatMap((call) => [
    { atMs: call.dateCreated.getTime(), delta: 1 },
    { atMs: call.statusHistory.at(-1)?.atMs ?? Date.now(), delta: -1 },
  ]);
  edges.sort((a, b) => a.atMs - b.atMs || a.delta - b.delta);
  let live = 0;
  let most = 0;
  for (const edge of edges) most = Math.max(most, (live += edge.delta));
  return most;
}

/** The most calls created within any 1-second window. */
function maxPerSecond(calls: readonly TwilioCallRecord[]): number {
  const times = calls.map((call) => call.dateCreated.getTime()).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while ((times[i] ?? 0) - (times[j] ?? 0) >= 1_000) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('dialer acceptance (real Postgres, the Twilio stand-in, two instances and a crash)', () => {
  const list = targets();
  const clock = new TestClock(START);
  const lifecycle: CallLifecycleEvent[] = [];
  let database: DisposableDatabase;
  let standIn: TwilioStandIn;
  let server: CallbackServer;
  let tenantId: string;
  let campaignId: string;
  let survivor: DialerLoop | undefined;
  let crashed: DialerLoop | undefined;

  before(async () => {
    database = await openTestPostgres('dialer_acceptance', 8);
    await migrate(database.db);
    ({ tenantId, campaignId } = await seed(database.db, list));
    standIn = await TwilioStandIn.start({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, ringMs: 50, amdMs: 30 });
    const unanswered = new Map<string, number>();
    standIn.onOutboundCall(({ to }) => {
      const kind = list.find((target) => target.phone === to)?.kind;
      if (kind === 'no-answer-twice') {
        const missed = unanswered.get(to) ?? 0;
        unanswered.set(to, missed + 1);
        if (missed < 2) return { kind: 'no-answer' };
      }
      return { kind: 'answer', by: kind === 'machine' ? 'machine_start' : 'human' };
    });
    server = await CallbackServer.start(quiet, '<?xml version="1.0" encoding="UTF-8"?><Response><Pause length="1"/><Hangup/></Response>');
    await server.bus.subscribe('call.lifecycle', async (delivery) => {
      lifecycle.push(delivery.message);
      return Outcome.ok();
    }, { group: 'test' });
  });

  after(async () => {
    await survivor?.stop();
    crashed?.halt();
    await server?.close();
    await standIn?.close();
    await database?.dispose();
  });

  const rows = async <R extends object>(sql: string, params: unknown[] = []): Promise<R[]> =>
    (await database.db.inTenant(tenantId, (session) => session.query<R>(sql, params))).rows;
  const callsTo = (phone: string) => standIn.calls().filter((call) => call.to === phone);
  const settled = async () => (await rows<{ n: string }>(`SELECT count(*) AS n FROM call_attempts WHERE status IN ('leased', 'dialling')`))[0]?.n === '0';
  const waitForCalls = async (count: number, description: string) => {
    await waitFor(async () => standIn.calls().length >= count && standIn.calls().every((call) => call.end !== undefined) && (await settled()), {
      timeoutMs: 120_000,
      intervalMs: 200,
      description,
    });
  };

  it('dials exactly the allowed targets, with retries, out-of-hours callees only once their window opens, and no duplicate after a crash', async () => {
    const telephony = new TwilioOutboundTelephony({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: standIn.url, requestTimeoutMs: 10_000 });
    server.serve(database.db, clock, AUTH_TOKEN, telephony, quiet);
    // Instance A crashes on its 20th dial: after committing `dialling` and before calls.create.
    let dialsByA = 0;
    const crashingTelephony: OutboundTelephony = {
      placeCall: (request) => {
        dialsByA += 1;
        if (dialsByA < 20) return telephony.placeCall(request);
        crashed?.halt();
        return new Promise(() => undefined);
      },
      hangUp: (callSid) => telephony.hangUp(callSid),
      fetchCall: (callSid) => telephony.fetchCall(callSid),
    };
    const common = { db: database.db, clock, server, callsPerSecond: CALLS_PER_SECOND, leaseMs: LEASE_MS, logger: quiet };
    crashed = createTestDialer({ ...common, owner: 'instance-a', telephony: crashingTelephony });
    survivor = createTestDialer({ ...common, owner: 'instance-b', telephony });
    crashed.start();
    survivor.start();

    await waitForCalls(150, '150 first attempts placed and ended');
    assert.ok(dialsByA >= 20, 'instance A crashed mid-campaign');
    assert.equal(callsTo(list[20]?.phone ?? '').length, 0, 'no Honolulu callee is dialled at 06:00 their time');
    clock.advance(2 * 60_000);
    await waitForCalls(160, 'the second attempts of the ten who did not answer');
    clock.advance(2 * 60_000);
    await waitForCalls(170, 'their third attempts');
    const honoluluOpenedAtMs = Date.now();
    clock.advanceTo(new Date(HONOLULU_OPENS.getTime() + 30_000));
    await waitForCalls(200, 'the Honolulu callees once 08:00 there');
    await waitFor(async () => (await rows<{ status: string }>('SELECT status FROM campaigns WHERE id = $1', [campaignId]))[0]?.status === 'completed', {
      timeoutMs: 10_000,
      description: 'the campaign completed',
    });

    for (const target of list) {
      const expected = target.kind === 'dnc' ? 0 : target.kind === 'no-answer-twice' ? 3 : 1;
      assert.equal(callsTo(target.phone).length, expected, `${target.kind} target dialled ${expected} time(s)`);
    }
    for (const target of list.filter((candidate) => candidate.kind === 'honolulu')) {
      assert.ok(callsTo(target.phone).every((call) => call.dateCreated.getTime() >= honoluluOpenedAtMs), 'Honolulu dialled only after the clock reached their window');
    }
    const outcomes = await rows<{ outcome: string; status: string; n: string }>(`SELECT outcome, status, count(*) AS n FROM call_attempts GROUP BY outcome, status ORDER BY outcome`);
    assert.deepEqual(
      outcomes.map((row) => [row.outcome, row.status, Number(row.n)]),
      [['connected', 'completed', 175], ['dnc', 'skipped', 20], ['no_answer', 'completed', 20], ['voicemail', 'completed', 5]],
    );
    const perAttempt = await rows<{ n: string }>(`SELECT count(*) AS n FROM calls GROUP BY attempt_id HAVING count(*) > 1`);
    assert.equal(perAttempt.length, 0, 'one calls row per attempt');
    const skips = await rows<{ reason: string; n: string }>(`SELECT detail->>'reason' AS reason, count(*) AS n FROM audit_log WHERE action = 'skip' GROUP BY 1`);
    assert.deepEqual(skips.map((row) => [row.reason, Number(row.n)]), [['dnc', 20]]);
    const defers = await rows<{ n: string }>(`SELECT count(DISTINCT subject) AS n FROM audit_log WHERE action = 'defer' AND detail->>'reason' = 'outside_calling_hours'`);
    assert.equal(Number(defers[0]?.n), 30);
    const dials = await rows<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'dial'`);
    assert.equal(Number(dials[0]?.n), 200 + 1, 'one dial decision per call, plus the re-dial of the attempt instance A left in dialling');
    const audited = await rows<{ detail: string }>(`SELECT detail::text AS detail FROM audit_log WHERE actor = 'dialer'`);
    assert.ok(audited.every((row) => !/\+1\d{10}/.test(row.detail)), 'no phone number in the audit detail');

    const calls = standIn.calls();
    assert.ok(maxOverlap(calls) <= CAMPAIGN_CONCURRENCY, `at most ${CAMPAIGN_CONCURRENCY} calls at once (saw ${maxOverlap(calls)})`);
    assert.ok(maxPerSecond(calls) <= 2 * CALLS_PER_SECOND + 1, `two instances place at most ${2 * CALLS_PER_SECOND} calls a second (saw ${maxPerSecond(calls)})`);
    const machines = lifecycle.filter((event) => event.event.case === 'answered' && event.event.value.answeredBy === AnsweredBy.MACHINE);
    assert.equal(new Set(machines.map((event) => event.callId)).size, 5, 'an answered(machine) event per voicemail');
    assert.ok(lifecycle.every((event) => event.tenantId === tenantId));
    const machineCalls = list.filter((target) => target.kind === 'machine').flatMap((target) => callsTo(target.phone));
    assert.ok(machineCalls.every((call) => call.end?.reason === 'app-hung-up'), 'the hang-up voicemail policy ended machine calls');
  });

  it('answers a bad signature with 403 and a repeated terminal callback changes nothing', async () => {
    const [call] = await rows<{ id: string; provider_call_id: string }>(`SELECT id, provider_call_id FROM calls WHERE outcome = 'connected' LIMIT 1`);
    assert.ok(call !== undefined);
    const url = `${server.baseUrl}/twilio/outbound-status?callId=${call.id}`;
    const params = { CallSid: call.provider_call_id, CallStatus: 'busy', AccountSid: ACCOUNT_SID };
    const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' }, body: new URLSearchParams(params) });
    assert.equal(forged.status, 403);
    const { default: twilio } = await import('twilio');
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params);
    const attemptsBefore = await rows(`SELECT id FROM call_attempts`);
    const repeated = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params) });
    assert.equal(repeated.status, 200);
    const after = await rows<{ outcome: string }>(`SELECT outcome FROM calls WHERE id = $1`, [call.id]);
    assert.equal(after[0]?.outcome, 'connected');
    assert.equal((await rows(`SELECT id FROM call_attempts`)).length, attemptsBefore.length, 'no retry row from a repeated callback');
  });
});
