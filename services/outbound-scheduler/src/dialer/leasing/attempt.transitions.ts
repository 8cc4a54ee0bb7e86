import { randomUUID } from 'node:crypto';
import type { SqlSession } from '@va/data';

/** Drops the attempt for good with `outcome`. */
export async function skipAttempt(session: SqlSession, attemptId: string, outcome: string): Promise<void> {
  await session.query(
    `UPDATE call_attempts SET status = 'skipped', outcome = $2, lease_owner = NULL, leased_until = NULL WHERE id = $1`,
    [attemptId, outcome],
  );
}

/** Back to pending, due again at `notBefore` (a deferral or a paused campaign). */
export async function returnToPending(session: SqlSession, attemptId: string, notBefore: Date | undefined): Promise<void> {
  await session.query(
    `UPDATE call_attempts SET status = 'pending', not_before = COALESCE($2, not_before), lease_owner = NULL, leased_until = NULL WHERE id = $1`,
    [attemptId, notBefore?.toISOString() ?? null],
  );
}

export interface DialClaim {
  readonly tenantId: string;
  readonly attemptId: string;
  readonly campaignId: string;
  readonly clientId: string;
  readonly existingCallId: string | null;
  readonly from: string;
  readonly to: string;
  readonly now: Date;
  readonly dialLeaseMs: number;
}

/**
 * The dial's point of no return, committed before calls.create: the calls row (a new call id,
 * or the one a recovered attempt already has) and the attempt in `dialling` naming it. Returns
 * undefined when the attempt's earlier call turns out to be known to Twilio after all (a late
 * callback): then the attempt waits for its callbacks instead of being dialled again.
 */
export async function claimForDial(session: SqlSession, claim: DialClaim): Promise<{ readonly callId: string } | undefined> {
  const dialUntil = new Date(claim.now.getTime() + claim.dialLeaseMs).toISOString();
  if (claim.existingCallId !== null) {
    const known = await session.query<{ seen: boolean }>(
      `SELECT (provider_call_id IS NOT NULL OR provider_status IS NOT NULL) AS seen FROM calls WHERE id = $1 FOR UPDATE`,
      [claim.existingCallId],
    );
    if (known.rows[0]?.seen === true) {
      await session.query(`UPDATE call_attempts SET status = 'dialling', leased_until = NULL WHERE id = $1`, [claim.attemptId]);
      return undefined;
    }
    if (known.rows[0] !== undefined) {
      await session.query(`UPDATE call_attempts SET status = 'dialling', leased_until = $2 WHERE id = $1`, [claim.attemptId, dialUntil]);
      return { callId: claim.existingCallId };
    }
  }
  const callId = `call_${randomUUID()}`;
  await session.query(
    `INSERT INTO calls (id, tenant_id, direction, from_e164, to_e164, campaign_id, attempt_id, client_id, started_at)
     VALUES ($1, $2, 'outbound', $3, $4, $5, $6, $7, $8)`,
    [callId, claim.tenantId, claim.from, claim.to, claim.campaignId, claim.attemptId, claim.clientId, claim.now.toISOString()],
  );
  await session.query(`UPDATE call_attempts SET status = 'dialling', call_id = $2, leased_until = $3 WHERE id = $1`, [claim.attemptId, callId, dialUntil]);
  return { callId };
}

/** Twilio accepted the call: store its CallSid; the attempt now follows its status callbacks. */
export async function markPlaced(session: SqlSession, attemptId: string, callId: string, callSid: string): Promise<void> {
  await session.query(`UPDATE calls SET provider_call_id = COALESCE(provider_call_id, $2) WHERE id = $1`, [callId, callSid]);
  await session.query(`UPDATE call_attempts SET leased_until = NULL WHERE id = $1 AND status = 'dialling'`, [attemptId]);
}

/** Retryable outcomes: the callee may answer next time. */
const RETRYABLE_OUTCOMES: ReadonlySet<string> = new Set(['no_answer', 'busy', 'failed']);

export interface AttemptFinish {
  readonly tenantId: string;
  readonly attemptId: string;
  readonly status: 'completed' | 'failed';
  readonly outcome: string;
  readonly now: Date;
  /** The campaign's retry policy, read by the caller from campaigns.settings. */
  readonly retry: (campaignId: string) => Promise<{ readonly maxAttempts: number; readonly backoffMinutes: number } | undefined>;
}

export interface FinishedAttempt {
  readonly campaignId: string;
  readonly attemptNumber: number;
  readonly retryScheduled: boolean;
}

/**
 * Ends a `dialling` attempt with its outcome and, when the outcome allows one and attempts
 * remain, inserts the next attempt (attempt_number + 1, pending, due after the back-off).
 * Undefined when the attempt was no longer dialling (a repeated callback): nothing changes.
 */
export async function finishAttempt(session: SqlSession, finish: AttemptFinish): Promise<FinishedAttempt | undefined> {
  const ended = await session.query<{ campaign_id: string; client_id: string; attempt_number: number }>(
    `UPDATE call_attempts SET status = $2, outcome = $3, lease_owner = NULL, leased_until = NULL
      WHERE id = $1 AND status = 'dialling' RETURNING campaign_id, client_id, attempt_number`,
    [finish.attemptId, finish.status, finish.outcome],
  );
  const row = ended.rows[0];
  if (row === undefined) return undefined;
  const policy = RETRYABLE_OUTCOMES.has(finish.outcome) ? await finish.retry(row.campaign_id) : undefined;
  let retryScheduled = false;
  if (policy !== undefined && row.attempt_number < policy.maxAttempts) {
    const inserted = await session.query(
      `INSERT INTO call_attempts (tenant_id, campaign_id, client_id, attempt_number, status, not_before)
       VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT DO NOTHING`,
      [finish.tenantId, row.campaign_id, row.client_id, row.attempt_number + 1, new Date(finish.now.getTime() + policy.backoffMinutes * 60_000).toISOString()],
    );
    retryScheduled = inserted.rowCount > 0;
  }
  return { campaignId: row.campaign_id, attemptNumber: row.attempt_number, retryScheduled };
}
