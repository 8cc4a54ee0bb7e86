import type { SqlSession } from '@va/data';

/** A placed call of ours whose attempt still waits for a terminal status callback. */
export interface StuckCall {
  readonly callId: string;
  readonly callSid: string;
}

/**
 * Claims the tenant's `dialling` attempts whose call Twilio accepted (a CallSid) and that had no
 * status news since `stuckMs` before `now`. The claim moves provider_status_at to `now`, so each
 * call is asked about once per `stuckMs` and by one replica only (the rows are locked SKIP LOCKED).
 */
export async function claimStuckCalls(session: SqlSession, claim: { readonly now: Date; readonly stuckMs: number; readonly limit: number }): Promise<StuckCall[]> {
  const result = await session.query<{ id: string; provider_call_id: string }>(
    `UPDATE calls SET provider_status_at = $1
      WHERE id IN (
        SELECT c.id FROM calls c JOIN call_attempts a ON a.id = c.attempt_id AND a.call_id = c.id
         WHERE a.status = 'dialling' AND c.provider_call_id IS NOT NULL AND c.ended_at IS NULL
           AND COALESCE(c.provider_status_at, c.started_at) < $2
         ORDER BY COALESCE(c.provider_status_at, c.started_at)
         LIMIT $3
         FOR UPDATE OF c SKIP LOCKED)
      RETURNING id, provider_call_id`,
    [claim.now.toISOString(), new Date(claim.now.getTime() - claim.stuckMs).toISOString(), claim.limit],
  );
  return result.rows.map((row) => ({ callId: row.id, callSid: row.provider_call_id }));
}
