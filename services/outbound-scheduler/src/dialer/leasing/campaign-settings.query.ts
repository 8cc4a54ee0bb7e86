import type { SqlSession } from '@va/data';
import { campaignSettingsSchema, type CampaignSettings } from '../../campaigns/campaign.settings';

/** A campaign's parsed settings, or undefined when the campaign is unknown or its settings do not parse. */
export async function campaignSettings(session: SqlSession, campaignId: string): Promise<CampaignSettings | undefined> {
  const result = await session.query<{ settings: unknown }>('SELECT settings FROM campaigns WHERE id = $1', [campaignId]);
  const parsed = campaignSettingsSchema.safeParse(result.rows[0]?.settings);
  return parsed.success ? parsed.data : undefined;
}
