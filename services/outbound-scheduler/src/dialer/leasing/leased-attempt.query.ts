import type { SqlSession } from '@va/data';

/** One leased attempt with what the rules and the dial need. Holds PHI (the number): never log it. */
export interface LeasedAttempt {
  readonly id: string;
  readonly campaignId: string;
  readonly clientId: string;
  readonly attemptNumber: number;
  readonly existingCallId: string | null;
  readonly campaignStatus: string;
  readonly campaignSettings: unknown;
  readonly clientPhone: string;
  readonly clientZone: string | null;
  readonly tenantSettings: unknown;
}

/** Locks and reads an attempt this instance still holds an unexpired lease on; undefined when it lost it. */
export async function lockLeasedAttempt(session: SqlSession, attemptId: string, owner: string, now: Date): Promise<LeasedAttempt | undefined> {
  const result = await session.query<{
    id: string; campaign_id: string; client_id: string; attempt_number: number; call_id: string | null;
    campaign_status: string; settings: unknown; phone_e164: string; time_zone: string | null; tenant_settings: unknown;
  }>(
    `SELECT a.id, a.campaign_id, a.client_id, a.attempt_number, a.call_id, c.status AS campaign_status, c.settings,
            cl.phone_e164, cl.time_zone, t.settings AS tenant_settings
       FROM call_attempts a
       JOIN campaigns c ON c.id = a.campaign_id
       JOIN clients cl ON cl.id = a.client_id
       JOIN tenants t ON t.id = a.tenant_id
      WHERE a.id = $1 AND a.status = 'leased' AND a.lease_owner = $2 AND a.leased_until > $3
      FOR UPDATE OF a`,
    [attemptId, owner, now.toISOString()],
  );
  const row = result.rows[0];
  if (row === undefined) return undefined;
  return {
    id: row.id,
    campaignId: row.campaign_id,
    clientId: row.client_id,
    attemptNumber: row.attempt_number,
    existingCallId: row.call_id,
    campaignStatus: row.campaign_status,
    campaignSettings: row.settings,
    clientPhone: row.phone_e164,
    clientZone: row.time_zone,
    tenantSettings: row.tenant_settings,
  };
}

/** The counts and flags the rules need besides the attempt itself. */
export interface AttemptSurroundings {
  readonly onDnc: boolean;
  readonly consentRefused: boolean;
  readonly attemptsSoFar: number;
  readonly campaignCallsInProgress: number;
  readonly tenantCallsInProgress: number;
}

export async function readSurroundings(session: SqlSession, attempt: LeasedAttempt, consentScope: string): Promise<AttemptSurroundings> {
  const result = await session.query<{ on_dnc: boolean; refused: boolean | null; so_far: string; campaign_live: string; tenant_live: string }>(
    `SELECT EXISTS (SELECT 1 FROM dnc_entries WHERE phone_e164 = $1) AS on_dnc,
            (SELECT NOT granted FROM consents WHERE client_id = $2 AND scope = $3 ORDER BY recorded_at DESC, id DESC LIMIT 1) AS refused,
            (SELECT count(*) FROM call_attempts WHERE campaign_id = $4 AND client_id = $2 AND id <> $5 AND call_id IS NOT NULL) AS so_far,
            (SELECT count(*) FROM call_attempts WHERE campaign_id = $4 AND status = 'dialling') AS campaign_live,
            (SELECT count(*) FROM call_attempts WHERE status = 'dialling') AS tenant_live`,
    [attempt.clientPhone, attempt.clientId, consentScope, attempt.campaignId, attempt.id],
  );
  const row = result.rows[0];
  return {
    onDnc: row?.on_dnc ?? false,
    consentRefused: row?.refused ?? false,
    attemptsSoFar: Number(row?.so_far ?? 0),
    campaignCallsInProgress: Number(row?.campaign_live ?? 0),
    tenantCallsInProgress: Number(row?.tenant_live ?? 0),
  };
}

/** The tenant's outbound caller id: a number of purpose outbound, else one of purpose both. */
export async function outboundNumber(session: SqlSession): Promise<string | undefined> {
  const result = await session.query<{ e164: string }>(
    `SELECT e164 FROM tenant_phone_numbers WHERE purpose IN ('outbound', 'both') ORDER BY (purpose = 'outbound') DESC, e164 LIMIT 1`,
  );
  return result.rows[0]?.e164;
}
