import type { Bus } from '@va/bus';
import type { SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import type { Clock } from '../../clock';
import { campaignSettings } from '../leasing/campaign-settings.query';
import { tenantOfCall } from '../leasing/dialer-tenants.query';
import type { OutboundTelephony } from '../telephony/outbound.telephony';
import type { AmdCallback } from './callback.params';
import { answeredByOf, isMachine } from './call-outcome.mapping';

export interface AmdResultDeps {
  readonly db: SqlDatabase;
  readonly bus: Bus;
  readonly clock: Clock;
  readonly telephony: OutboundTelephony;
  readonly logger: Logger;
}

/**
 * The async answering-machine result: stored on the calls row, published as call.lifecycle
 * `answered` (the dialog-manager leaves a voicemail under the leave-message policy), and under
 * the hang-up policy a machine's call is ended here. A repeated callback republishes the same
 * fact (consumers are safe under redelivery) and the second hang-up of an ended call is ignored.
 */
export class AmdResultHandler {
  constructor(private readonly deps: AmdResultDeps) {}

  async handle(callId: string, callback: AmdCallback): Promise<'unknown' | 'recorded'> {
    const { db, bus, clock, telephony, logger } = this.deps;
    const tenantId = await tenantOfCall(db, callId);
    if (tenantId === undefined) return 'unknown';
    const policy = await db.inTenant(tenantId, async (session) => {
      const updated = await session.query<{ campaign_id: string | null }>(
        `UPDATE calls SET answered_by = $2, provider_call_id = COALESCE(provider_call_id, $3) WHERE id = $1 AND direction = 'outbound' RETURNING campaign_id`,
        [callId, callback.AnsweredBy, callback.CallSid],
      );
      const campaignId = updated.rows[0]?.campaign_id;
      if (updated.rows.length === 0) return undefined;
      return campaignId === null || campaignId === undefined ? 'leave-message' : ((await campaignSettings(session, campaignId))?.voicemail ?? 'hang-up');
    });
    if (policy === undefined) return 'unknown';
    await bus.publish('call.lifecycle', {
      callId,
      tenantId,
      occurredAtUnixMs: BigInt(clock.now().getTime()),
      event: { case: 'answered', value: { answeredBy: answeredByOf(callback.AnsweredBy) } },
    });
    if (isMachine(callback.AnsweredBy) && policy === 'hang-up') {
      await telephony.hangUp(callback.CallSid).catch((error: unknown) => {
        logger.warn('hang-up of an answering machine failed', { callId, error: error instanceof Error ? error.message : String(error) });
      });
    }
    return 'recorded';
  }
}
