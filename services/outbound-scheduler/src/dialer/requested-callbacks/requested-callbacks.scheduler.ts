import type { SqlSession } from '@va/data';
import { writeDialAudit } from '../leasing/dial-audit.writer';

/**
 * Open callback requests (the dialog's request_callback tool) made during a call of a running or
 * paused campaign, for the client that call was to: the requests the dialer turns into attempts.
 * `r` is callback_requests, `k` its call; completeFinishedCampaigns keeps a campaign with such a
 * request running until it is scheduled.
 */
export const SCHEDULABLE_CALLBACK_REQUEST = `r.status = 'open' AND k.campaign_id IS NOT NULL AND k.client_id IS NOT NULL AND (r.client_id IS NULL OR r.client_id = k.client_id)`;

/**
 * Each schedulable request becomes the next attempt of its campaign for that client (pending,
 * due at the request's not_before; every dialling rule still applies when it is due), and the
 * request turns `scheduled`, in one transaction. Rows are locked SKIP LOCKED, so with several
 * replicas each request is scheduled once; an attempt number taken meanwhile (a retry inserted
 * by a concurrent callback) leaves the request open for the next tick.
 */
export async function scheduleRequestedCallbacks(session: SqlSession, run: { readonly tenantId: string; readonly now: Date; readonly limit: number }): Promise<number> {
  const open = await session.query<{ id: string; campaign_id: string; client_id: string; not_before: Date }>(
    `SELECT r.id, k.campaign_id, k.client_id, r.not_before
       FROM callback_requests r
       JOIN calls k ON k.id = r.call_id
       JOIN campaigns c ON c.id = k.campaign_id
      WHERE ${SCHEDULABLE_CALLBACK_REQUEST} AND c.status IN ('running', 'paused')
      ORDER BY r.created_at, r.id
      LIMIT $1
      FOR UPDATE OF r SKIP LOCKED`,
    [run.limit],
  );
  let scheduled = 0;
  for (const request of open.rows) {
    const inserted = await session.query<{ id: string; attempt_number: number }>(
      `INSERT INTO call_attempts (tenant_id, campaign_id, client_id, attempt_number, status, not_before)
       SELECT $1, $2, $3, COALESCE(max(attempt_number), 0) + 1, 'pending', $4
         FROM call_attempts WHERE campaign_id = $2 AND client_id = $3
       ON CONFLICT DO NOTHING
       RETURNING id, attempt_number`,
      [run.tenantId, request.campaign_id, request.client_id, new Date(request.not_before).toISOString()],
    );
    const attempt = inserted.rows[0];
    if (attempt === undefined) continue;
    await session.query(`UPDATE callback_requests SET status = 'scheduled' WHERE id = $1`, [request.id]);
    await writeDialAudit(session, {
      tenantId: run.tenantId,
      action: 'callback',
      attemptId: attempt.id,
      at: run.now,
      detail: { reason: 'callback_requested', campaignId: request.campaign_id, attemptNumber: attempt.attempt_number, callbackRequestId: request.id },
    });
    scheduled += 1;
  }
  return scheduled;
}
