import type { SqlDatabase } from '@va/data';
import type { Clock } from '../../clock';
import { writeDialAudit } from '../leasing/dial-audit.writer';
import { finishAttempt } from '../leasing/attempt.transitions';
import { campaignSettings } from '../leasing/campaign-settings.query';
import { tenantOfCall } from '../leasing/dialer-tenants.query';
import type { StatusCallback } from './callback.params';
import { attemptOutcomeOf, TERMINAL_CALL_STATUSES } from './call-outcome.mapping';

/** What a status callback did: `unknown` when no outbound call of ours has that id. */
export type StatusRecordResult = 'unknown' | 'progress' | 'completed' | 'repeated';

/**
 * A call-progress callback: records the provider's view on the calls row (CallSid, last status,
 * AnsweredBy), and on a terminal status ends the attempt with its outcome, closes the calls row
 * and schedules the retry the policy allows. Twilio retries callbacks: once the calls row is
 * ended, a repeated terminal callback changes nothing.
 */
export class CallStatusRecorder {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  async record(callId: string, callback: StatusCallback): Promise<StatusRecordResult> {
    const tenantId = await tenantOfCall(this.db, callId);
    if (tenantId === undefined) return 'unknown';
    return this.db.inTenant(tenantId, async (session) => {
      const now = this.clock.now();
      const updated = await session.query<{ attempt_id: string | null; answered_by: string | null }>(
        `UPDATE calls SET provider_call_id = COALESCE(provider_call_id, $2), provider_status = $3, provider_status_at = $4,
                answered_by = COALESCE($5, answered_by)
          WHERE id = $1 AND direction = 'outbound'
            AND (provider_status IS NULL OR provider_status NOT IN ('completed', 'busy', 'failed', 'no-answer', 'canceled'))
          RETURNING attempt_id, answered_by`,
        [callId, callback.CallSid, callback.CallStatus, now.toISOString(), callback.AnsweredBy ?? null],
      );
      const row = updated.rows[0];
      if (row === undefined) return 'repeated';
      if (!TERMINAL_CALL_STATUSES.has(callback.CallStatus)) return 'progress';
      const outcome = attemptOutcomeOf(callback.CallStatus, row.answered_by);
      await session.query(`UPDATE calls SET ended_at = COALESCE(ended_at, $2), outcome = COALESCE(outcome, $3) WHERE id = $1`, [callId, now.toISOString(), outcome]);
      if (row.attempt_id === null) return 'completed';
      const finished = await finishAttempt(session, {
        tenantId,
        attemptId: row.attempt_id,
        status: 'completed',
        outcome,
        now,
        retry: async (campaignId) => (await campaignSettings(session, campaignId))?.retry,
      });
      if (finished === undefined) return 'repeated';
      await writeDialAudit(session, {
        tenantId,
        action: 'complete',
        attemptId: row.attempt_id,
        at: now,
        detail: { outcome, campaignId: finished.campaignId, attemptNumber: finished.attemptNumber, retryScheduled: finished.retryScheduled },
      });
      return 'completed';
    });
  }
}
