import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { findCampaign } from './campaign.queries';

/** A campaign's progress: its attempts counted by status and by outcome, and what its calls achieved. */
export interface CampaignProgress {
  readonly campaignId: string;
  readonly status: string;
  readonly targetCount: number;
  readonly attempts: { readonly total: number; readonly byStatus: Record<string, number>; readonly byOutcome: Record<string, number> };
  readonly consents: { readonly granted: number; readonly refused: number };
  readonly appointmentsBooked: number;
  readonly dncAdded: number;
}

export async function campaignProgress(session: SqlSession, caller: ApiCaller, id: string): Promise<CampaignProgress> {
  const campaign = await findCampaign(session, caller, id);
  const byStatus = await counts(session, `SELECT status AS key, count(*) AS n FROM call_attempts WHERE campaign_id = $1 GROUP BY status`, id);
  const byOutcome = await counts(session, `SELECT outcome AS key, count(*) AS n FROM call_attempts WHERE campaign_id = $1 AND outcome IS NOT NULL GROUP BY outcome`, id);
  const consents = await counts(
    session,
    `SELECT CASE WHEN granted THEN 'granted' ELSE 'refused' END AS key, count(*) AS n FROM consents
      WHERE call_id IN (SELECT id FROM calls WHERE campaign_id = $1) GROUP BY granted`,
    id,
  );
  const results = await counts(
    session,
    `SELECT 'booked' AS key, count(*) AS n FROM appointments WHERE status = 'booked' AND call_id IN (SELECT id FROM calls WHERE campaign_id = $1)
     UNION ALL
     SELECT 'dnc' AS key, count(*) AS n FROM dnc_entries WHERE call_id IN (SELECT id FROM calls WHERE campaign_id = $1)`,
    id,
  );
  return {
    campaignId: campaign.id,
    status: campaign.status,
    targetCount: Number(campaign.target_count),
    attempts: { total: Object.values(byStatus).reduce((sum, n) => sum + n, 0), byStatus, byOutcome },
    consents: { granted: consents['granted'] ?? 0, refused: consents['refused'] ?? 0 },
    appointmentsBooked: results['booked'] ?? 0,
    dncAdded: results['dnc'] ?? 0,
  };
}

async function counts(session: SqlSession, sql: string, campaignId: string): Promise<Record<string, number>> {
  const found = await session.query<{ key: string; n: string | number }>(sql, [campaignId]);
  return Object.fromEntries(found.rows.map((row) => [row.key, Number(row.n)]));
}
