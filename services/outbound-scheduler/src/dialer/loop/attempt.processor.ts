import type { SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import type { Clock } from '../../clock';
import { writeDialAudit } from '../leasing/dial-audit.writer';
import { finishAttempt, markPlaced } from '../leasing/attempt.transitions';
import { campaignSettings } from '../leasing/campaign-settings.query';
import type { TokenBucket } from '../rules/token.bucket';
import type { CallPlacer, PlacementOutcome } from '../telephony/call.placer';
import { decideAttempt, type DialPlan } from './attempt.decider';
import type { DialerUrls } from './dialer.urls';

export interface AttemptProcessorDeps {
  readonly db: SqlDatabase;
  readonly clock: Clock;
  readonly owner: string;
  readonly dialLeaseMs: number;
  readonly placer: CallPlacer;
  readonly bucket: TokenBucket;
  readonly urls: DialerUrls;
  readonly logger: Logger;
}

/**
 * One leased attempt: a calls-per-second token, the rules (decideAttempt), and for a dial the
 * calls.create and its result. A token not spent on a dial is given back. `signal` stops the work
 * between steps (shutdown, or a simulated crash in tests).
 */
export class AttemptProcessor {
  constructor(private readonly deps: AttemptProcessorDeps) {}

  async process(tenantId: string, attemptId: string, signal: AbortSignal): Promise<void> {
    const { db, clock, owner, dialLeaseMs, bucket } = this.deps;
    await bucket.take(signal);
    const plan = await db.inTenant(tenantId, (session) => decideAttempt(session, { tenantId, attemptId, owner, now: clock.now(), dialLeaseMs }));
    if (plan === undefined) {
      bucket.refund();
      return;
    }
    if (signal.aborted) return;
    const outcome = await this.deps.placer.place({
      to: plan.to,
      from: plan.from,
      voiceUrl: this.deps.urls.voiceUrl(plan.callId),
      statusCallbackUrl: this.deps.urls.statusCallbackUrl(plan.callId),
      amdCallbackUrl: this.deps.urls.amdCallbackUrl(plan.callId),
    });
    if (signal.aborted) return;
    await this.record(plan, outcome);
  }

  private async record(plan: DialPlan, outcome: PlacementOutcome): Promise<void> {
    const { db, clock, logger } = this.deps;
    if (outcome.kind === 'placed') {
      await db.inTenant(plan.tenantId, (session) => markPlaced(session, plan.attemptId, plan.callId, outcome.callSid));
      return;
    }
    // Rejected (a 4xx such as an invalid number) never succeeds: no retry. Other failures retry per policy
    // as a new attempt; after a timeout Twilio may still have placed the call, and its callbacks then
    // land on this (already failed) attempt's calls row without reopening it.
    const attemptOutcome = outcome.kind === 'rejected' ? 'dial_error' : 'failed';
    logger.warn('outbound call not placed', { callId: plan.callId, attemptId: plan.attemptId, outcome: attemptOutcome, ...(outcome.kind === 'rejected' ? { status: outcome.status } : { reason: outcome.reason }) });
    await db.inTenant(plan.tenantId, async (session) => {
      const now = clock.now();
      await session.query(`UPDATE calls SET ended_at = COALESCE(ended_at, $2), outcome = COALESCE(outcome, $3) WHERE id = $1`, [plan.callId, now.toISOString(), attemptOutcome]);
      const finished = await finishAttempt(session, {
        tenantId: plan.tenantId,
        attemptId: plan.attemptId,
        status: 'failed',
        outcome: attemptOutcome,
        now,
        retry: async (campaignId) => (await campaignSettings(session, campaignId))?.retry,
      });
      if (finished === undefined) return;
      await writeDialAudit(session, {
        tenantId: plan.tenantId,
        action: 'complete',
        attemptId: plan.attemptId,
        at: now,
        detail: { outcome: attemptOutcome, campaignId: finished.campaignId, attemptNumber: finished.attemptNumber, retryScheduled: finished.retryScheduled },
      });
    });
  }
}
