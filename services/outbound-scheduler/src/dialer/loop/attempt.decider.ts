import type { SqlSession } from '@va/data';
import { campaignSettingsSchema } from '../../campaigns/campaign.settings';
import { DIALER_POLICY } from '../dialer.policy';
import { writeDialAudit } from '../leasing/dial-audit.writer';
import { claimForDial, returnToPending, skipAttempt } from '../leasing/attempt.transitions';
import { lockLeasedAttempt, outboundNumber, readSurroundings, type LeasedAttempt } from '../leasing/leased-attempt.query';
import { zoneForNumber } from '../rules/area-code.zones';
import { decideDial } from '../rules/dial.rules';
import { isKnownZone } from '../rules/zoned.time';

/** A call the decider committed to: placed next, outside the transaction. */
export interface DialPlan {
  readonly tenantId: string;
  readonly attemptId: string;
  readonly campaignId: string;
  readonly attemptNumber: number;
  readonly callId: string;
  readonly from: string;
  readonly to: string;
}

export interface DecideInput {
  readonly tenantId: string;
  readonly attemptId: string;
  readonly owner: string;
  readonly now: Date;
  readonly dialLeaseMs: number;
}

function tenantCap(settings: unknown): number {
  const cap = (settings as { maxConcurrentCalls?: unknown } | null)?.maxConcurrentCalls;
  return typeof cap === 'number' && Number.isInteger(cap) && cap > 0 ? cap : DIALER_POLICY.defaultTenantMaxConcurrentCalls;
}

function calleeZone(attempt: LeasedAttempt): string | undefined {
  if (attempt.clientZone !== null && isKnownZone(attempt.clientZone)) return attempt.clientZone;
  return zoneForNumber(attempt.clientPhone);
}

/**
 * One leased attempt through the dialling rules, in one tenant transaction that first takes the
 * tenant's advisory lock: the concurrency counts it reads cannot change under it, so caps hold
 * with several replicas. Writes the decision and its audit row; returns the plan when it is a dial.
 */
export async function decideAttempt(session: SqlSession, input: DecideInput): Promise<DialPlan | undefined> {
  await session.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`dialer:${input.tenantId}`]);
  const attempt = await lockLeasedAttempt(session, input.attemptId, input.owner, input.now);
  if (attempt === undefined) return undefined;
  const audit = (action: 'dial' | 'skip' | 'defer', reason: string) =>
    writeDialAudit(session, {
      tenantId: input.tenantId,
      action,
      attemptId: attempt.id,
      at: input.now,
      detail: { reason, campaignId: attempt.campaignId, attemptNumber: attempt.attemptNumber },
    });
  if (attempt.campaignStatus === 'cancelled') {
    await skipAttempt(session, attempt.id, 'campaign_cancelled');
    await audit('skip', 'campaign_cancelled');
    return undefined;
  }
  const settings = campaignSettingsSchema.safeParse(attempt.campaignSettings);
  const from = await outboundNumber(session);
  if (attempt.campaignStatus !== 'running' || !settings.success || from === undefined) {
    // Paused (or not dialable as configured): the attempt waits, untouched, for the campaign.
    await returnToPending(session, attempt.id, undefined);
    return undefined;
  }
  const surroundings = await readSurroundings(session, attempt, DIALER_POLICY.consentScope);
  const decision = decideDial({
    now: input.now,
    settings: settings.data,
    calleeZone: calleeZone(attempt),
    tenantMaxConcurrentCalls: tenantCap(attempt.tenantSettings),
    ...surroundings,
  });
  if (decision.kind === 'skip') {
    await skipAttempt(session, attempt.id, decision.reason);
    await audit('skip', decision.reason);
    return undefined;
  }
  if (decision.kind === 'defer') {
    await returnToPending(session, attempt.id, decision.until);
    await audit('defer', decision.reason);
    return undefined;
  }
  const claimed = await claimForDial(session, {
    tenantId: input.tenantId,
    attemptId: attempt.id,
    campaignId: attempt.campaignId,
    clientId: attempt.clientId,
    existingCallId: attempt.existingCallId,
    from,
    to: attempt.clientPhone,
    now: input.now,
    dialLeaseMs: input.dialLeaseMs,
  });
  if (claimed === undefined) return undefined;
  await audit('dial', attempt.existingCallId === null ? 'rules_passed' : 'redial_after_crash');
  return { tenantId: input.tenantId, attemptId: attempt.id, campaignId: attempt.campaignId, attemptNumber: attempt.attemptNumber, callId: claimed.callId, from, to: attempt.clientPhone };
}
