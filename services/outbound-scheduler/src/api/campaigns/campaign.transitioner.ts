import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { writeApiAudit } from '../audit/api-audit.writer';
import { ApiError } from '../http/api.errors';
import { findCampaign } from './campaign.queries';
import { type CampaignAction, campaignTransition } from './campaign.transitions';
import { campaignView, type CampaignView } from './campaign.view';

/** The outcome written on a cancelled campaign's attempts that were still waiting. */
export const CANCELLED_OUTCOME = 'campaign_cancelled';

/**
 * Moves a campaign through its lifecycle (the row locked for the transaction); a cancel also
 * skips its pending attempts in the same transaction, so the dialer never takes one again.
 */
export async function transitionCampaign(session: SqlSession, caller: ApiCaller, id: string, action: CampaignAction): Promise<CampaignView> {
  const campaign = await findCampaign(session, caller, id, true);
  const verdict = campaignTransition(campaign.status, action);
  if (!verdict.allowed) throw ApiError.conflict(verdict.reason);
  await session.query('UPDATE campaigns SET status = $2 WHERE id = $1', [id, verdict.to]);
  let skipped = 0;
  if (action === 'cancel') {
    const cancelled = await session.query(
      `UPDATE call_attempts SET status = 'skipped', outcome = $2 WHERE campaign_id = $1 AND status = 'pending'`,
      [id, CANCELLED_OUTCOME],
    );
    skipped = cancelled.rowCount;
  }
  await writeApiAudit(session, caller, { action: `campaign.${action}`, subject: `campaign:${id}`, detail: { from: campaign.status, to: verdict.to, skipped } });
  return campaignView(await findCampaign(session, caller, id));
}
