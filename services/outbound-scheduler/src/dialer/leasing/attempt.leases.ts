import type { SqlSession } from '@va/data';
import { SCHEDULABLE_CALLBACK_REQUEST } from '../requested-callbacks/requested-callbacks.scheduler';

/**
 * Leases and their recovery. Why no target is dialled twice for one attempt and none is lost:
 * - Taking work is `FOR UPDATE SKIP LOCKED` on pending rows, turned into `leased` with this
 *   instance as owner in the same statement, so two replicas never hold the same attempt.
 * - Only the lease owner moves its attempt on, and only while the lease is unexpired; the move to
 *   `dialling` commits (with the calls row and call id) BEFORE calls.create, so a crash after
 *   Twilio accepted the call leaves a `dialling` row that names the call.
 * - An expired `leased` row (crash before dialling) goes back to pending: nothing was dialled.
 * - An expired `dialling` row is re-dialled (same attempt, same call id) only when its calls
 *   row has no provider call id AND no status callback ever arrived, i.e. Twilio shows no sign
 *   of the call; the initiated callback is requested for exactly this. If Twilio did see it,
 *   the row is left to its callbacks. A late callback for a re-queued attempt marks the calls
 *   row, and the dial step then refuses to place it again (see attempt.transitions).
 * - Recovery locks the attempt and its calls row (FOR UPDATE) so it cannot interleave with a
 *   status callback updating the same call.
 */
export async function leaseDueAttempts(
  session: SqlSession,
  lease: { readonly owner: string; readonly now: Date; readonly leaseMs: number; readonly limit: number },
): Promise<string[]> {
  if (lease.limit <= 0) return [];
  const result = await session.query<{ id: string }>(
    `UPDATE call_attempts SET status = 'leased', lease_owner = $1, leased_until = $2
      WHERE id IN (
        SELECT a.id FROM call_attempts a JOIN campaigns c ON c.id = a.campaign_id
         WHERE a.status = 'pending' AND a.not_before <= $3 AND c.status = 'running'
         ORDER BY a.not_before, a.id
         LIMIT $4
         FOR UPDATE OF a SKIP LOCKED)
      RETURNING id`,
    [lease.owner, new Date(lease.now.getTime() + lease.leaseMs).toISOString(), lease.now.toISOString(), lease.limit],
  );
  return result.rows.map((row) => row.id);
}

/** Expired leases of work never started go back to pending. */
export async function releaseExpiredLeases(session: SqlSession, now: Date): Promise<number> {
  const result = await session.query(
    `UPDATE call_attempts SET status = 'pending', lease_owner = NULL, leased_until = NULL
      WHERE id IN (SELECT id FROM call_attempts WHERE status = 'leased' AND leased_until < $1 FOR UPDATE SKIP LOCKED)`,
    [now.toISOString()],
  );
  return result.rowCount;
}

/** Expired dials Twilio never saw go back to pending, keeping their call id for the re-dial. */
export async function requeueUnseenDials(session: SqlSession, now: Date): Promise<number> {
  const stalled = await session.query<{ id: string }>(
    `SELECT a.id FROM call_attempts a JOIN calls c ON c.id = a.call_id
      WHERE a.status = 'dialling' AND a.leased_until < $1 AND c.provider_call_id IS NULL AND c.provider_status IS NULL
      FOR UPDATE OF a, c SKIP LOCKED`,
    [now.toISOString()],
  );
  if (stalled.rows.length === 0) return 0;
  const result = await session.query(
    `UPDATE call_attempts SET status = 'pending', lease_owner = NULL, leased_until = NULL WHERE id = ANY($1::uuid[]) AND status = 'dialling'`,
    [stalled.rows.map((row) => row.id)],
  );
  return result.rowCount;
}

/** Running campaigns with nothing left to do (no attempt to make, no requested callback to schedule) become completed. */
export async function completeFinishedCampaigns(session: SqlSession): Promise<number> {
  const result = await session.query(
    `UPDATE campaigns c SET status = 'completed'
      WHERE c.status = 'running'
        AND NOT EXISTS (SELECT 1 FROM call_attempts a WHERE a.campaign_id = c.id AND a.status IN ('pending', 'leased', 'dialling'))
        AND NOT EXISTS (SELECT 1 FROM callback_requests r JOIN calls k ON k.id = r.call_id WHERE k.campaign_id = c.id AND ${SCHEDULABLE_CALLBACK_REQUEST})`,
  );
  return result.rowCount;
}
