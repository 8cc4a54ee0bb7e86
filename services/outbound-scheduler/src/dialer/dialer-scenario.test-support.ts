import { randomUUID } from 'node:crypto';
import { migrate, type SqlDatabase } from '@va/data';
import { openTestPostgres, type DisposableDatabase } from '@va/data/testing';
import { createLogger } from '@va/observability';
import { TwilioStandIn, type TwilioCallRecord } from '@va/sandbox';
import { CallbackServer, createTestDialer, TestClock } from './dialer.test-support';
import type { DialerLoop } from './loop/dialer.loop';
import { TwilioOutboundTelephony } from './telephony/twilio.outbound-telephony';

/** Tuesday 2026-03-10 16:00 UTC: 12:00 in New York, inside every campaign's window below. */
export const SCENARIO_START = new Date('2026-03-10T16:00:00Z');

export interface ScenarioCampaign {
  readonly concurrency?: number;
  readonly retry?: { readonly maxAttempts: number; readonly backoffMinutes: number };
}

/** A tenant with an outbound number; campaigns, clients and attempts added on demand (as the owner role). */
export class DialerScenario {
  private constructor(
    private readonly db: SqlDatabase,
    readonly tenantId: string,
  ) {}

  static async create(db: SqlDatabase, outboundNumber: string): Promise<DialerScenario> {
    const tenantId = randomUUID();
    await db.asOwner(async (session) => {
      await session.query(`INSERT INTO tenants (id, name, kind, time_zone, settings) VALUES ($1, 'Harbor', 'brokerage', 'America/New_York', '{"maxConcurrentCalls": 10}')`, [tenantId]);
      await session.query(`INSERT INTO tenant_phone_numbers (e164, tenant_id, purpose) VALUES ($1, $2, 'outbound')`, [outboundNumber, tenantId]);
    });
    return new DialerScenario(db, tenantId);
  }

  async campaign(options: ScenarioCampaign = {}): Promise<string> {
    const settings = {
      productCode: 'DENTAL-PLUS',
      window: { startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-04-01T00:00:00Z' },
      callingHours: { start: '08:00', end: '21:00' },
      concurrency: options.concurrency ?? 5,
      retry: options.retry ?? { maxAttempts: 3, backoffMinutes: 1 },
      voicemail: 'hang-up',
    };
    return this.owner(async (query) => (await query<{ id: string }>(`INSERT INTO campaigns (tenant_id, name, status, settings) VALUES ($1, 'C', 'running', $2) RETURNING id`, [this.tenantId, JSON.stringify(settings)]))[0]?.id ?? '');
  }

  async client(phone: string): Promise<string> {
    return this.owner(async (query) =>
      (await query<{ id: string }>(`INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, time_zone) VALUES ($1, 'Client', 'X', $2, 'America/New_York') RETURNING id`, [this.tenantId, phone]))[0]?.id ?? '',
    );
  }

  async attempt(campaignId: string, clientId: string, attemptNumber: number, notBefore: Date): Promise<string> {
    return this.owner(async (query) =>
      (await query<{ id: string }>(
        `INSERT INTO call_attempts (tenant_id, campaign_id, client_id, attempt_number, status, not_before) VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id`,
        [this.tenantId, campaignId, clientId, attemptNumber, notBefore.toISOString()],
      ))[0]?.id ?? '',
    );
  }

  /** Rows of a query run in the tenant (as the application role). */
  async rows<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.db.inTenant(this.tenantId, (session) => session.query<R>(sql, params))).rows;
  }

  private async owner<T>(work: (query: <R extends object>(sql: string, params: unknown[]) => Promise<R[]>) => Promise<T>): Promise<T> {
    return this.db.asOwner((session) => work(async <R extends object>(sql: string, params: unknown[]) => (await session.query<R>(sql, params)).rows));
  }
}

/** Postgres, the Twilio stand-in, the callback server and a movable clock, for one test file. */
export class DialerRig {
  private constructor(
    readonly database: DisposableDatabase,
    readonly standIn: TwilioStandIn,
    readonly server: CallbackServer,
    readonly telephony: TwilioOutboundTelephony,
    readonly clock: TestClock,
  ) {}

  /** `serveCallbacks: false` loses every status and AMD callback (what a stuck call is). */
  static async start(name: string, voiceTwiml: (callId: string) => string | Promise<string>, options: { readonly serveCallbacks?: boolean; readonly ringMs?: number } = {}): Promise<DialerRig> {
    const database = await openTestPostgres(name, 6);
    await migrate(database.db);
    const standIn = await TwilioStandIn.start({ accountSid: RIG_ACCOUNT_SID, authToken: RIG_AUTH_TOKEN, ringMs: options.ringMs ?? 30, amdMs: 20 });
    const server = await CallbackServer.start(rigLogger, voiceTwiml);
    const telephony = new TwilioOutboundTelephony({ accountSid: RIG_ACCOUNT_SID, authToken: RIG_AUTH_TOKEN, apiBaseUrl: standIn.url, requestTimeoutMs: 10_000 });
    const clock = new TestClock(SCENARIO_START);
    if (options.serveCallbacks !== false) server.serve(database.db, clock, RIG_AUTH_TOKEN, telephony, rigLogger);
    return new DialerRig(database, standIn, server, telephony, clock);
  }

  dialer(owner: string, options: { readonly stuckCallMs?: number } = {}): DialerLoop {
    return createTestDialer({ db: this.database.db, clock: this.clock, owner, telephony: this.telephony, server: this.server, callsPerSecond: 20, leaseMs: 3_000, logger: rigLogger, ...options });
  }

  callsTo(phone: string): TwilioCallRecord[] {
    return this.standIn.calls().filter((call) => call.to === phone);
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.standIn.close();
    await this.database.dispose();
  }
}

const RIG_ACCOUNT_SID = 'AC' + '13579bdf2468ace0'.repeat(2);
const RIG_AUTH_TOKEN = 'dialer-rig-token';
const rigLogger = createLogger({ service: 'dialer-rig', level: 'error' });
