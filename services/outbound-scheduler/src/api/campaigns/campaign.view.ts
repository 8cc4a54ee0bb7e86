import type { CampaignStatus } from './campaign.schemas';

export interface CampaignRow {
  id: string;
  name: string;
  status: CampaignStatus;
  product_code: string | null;
  settings: unknown;
  created_by: string | null;
  created_at: Date;
  sort_at: string;
  target_count: string | number;
}

/** The columns a CampaignRow is read with (alias c for campaigns). */
export const CAMPAIGN_COLUMNS = `c.id, c.name, c.status, (SELECT p.code FROM products p WHERE p.id = c.product_id) AS product_code, c.settings,
  c.created_by, c.created_at, to_json(c.created_at) #>> '{}' AS sort_at,
  (SELECT count(DISTINCT a.client_id) FROM call_attempts a WHERE a.campaign_id = c.id) AS target_count`;

/** A campaign as the API shows it. */
export function campaignView(row: CampaignRow) {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    productCode: row.product_code,
    settings: row.settings,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    targetCount: Number(row.target_count),
  };
}

export type CampaignView = ReturnType<typeof campaignView>;
