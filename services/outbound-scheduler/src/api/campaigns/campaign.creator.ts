import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { writeApiAudit } from '../audit/api-audit.writer';
import { ApiError } from '../http/api.errors';
import { resolveCampaignTargets } from './campaign-targets.resolver';
import type { CreateCampaignInput } from './campaign.schemas';
import { findCampaign } from './campaign.queries';
import { campaignView, type CampaignView } from './campaign.view';

/**
 * A draft campaign with its targets resolved at once: one pending first attempt per target
 * client, due now (the dialer's contract), all in the caller's transaction.
 */
export async function createCampaign(session: SqlSession, caller: ApiCaller, input: CreateCampaignInput, now: Date): Promise<CampaignView> {
  const product = await session.query<{ id: string }>('SELECT id FROM products WHERE code = $1', [input.settings.productCode]);
  const productId = product.rows[0]?.id;
  if (productId === undefined) throw ApiError.invalidField('settings.productCode', 'no product with this code');
  const clientIds = await resolveCampaignTargets(session, caller, input.targets);
  const inserted = await session.query<{ id: string }>(
    `INSERT INTO campaigns (tenant_id, name, product_id, status, settings, created_by) VALUES ($1, $2, $3, 'draft', $4, $5) RETURNING id`,
    [caller.tenantId, input.name, productId, JSON.stringify(input.settings), caller.userId],
  );
  const campaignId = String(inserted.rows[0]?.id);
  await session.query(
    `INSERT INTO call_attempts (tenant_id, campaign_id, client_id, attempt_number, status, not_before)
     SELECT $1::uuid, $2::uuid, target, 1, 'pending', $4::timestamptz FROM unnest($3::uuid[]) AS target`,
    [caller.tenantId, campaignId, clientIds, now.toISOString()],
  );
  await writeApiAudit(session, caller, { action: 'campaign.created', subject: `campaign:${campaignId}`, detail: { targetCount: clientIds.length } });
  return campaignView(await findCampaign(session, caller, campaignId));
}
