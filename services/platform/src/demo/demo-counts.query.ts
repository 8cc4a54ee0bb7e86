import type { SqlDatabase } from '@va/data';

/** What the database says the campaign did. */
export interface CampaignCounts {
  readonly dialled: number;
  readonly connected: number;
  readonly voicemails: number;
  readonly skipped: number;
  readonly consented: number;
  readonly booked: number;
  readonly optedOut: number;
  /** Calls placed to a number that was on the DNC list when it was dialled. */
  readonly dncDialled: number;
}

const COUNTS_SQL = `
WITH campaign_calls AS (SELECT id, to_e164, started_at FROM calls WHERE campaign_id = $1)
SELECT
  (SELECT count(*) FROM campaign_calls) AS dialled,
  (SELECT count(*) FROM call_attempts WHERE campaign_id = $1 AND outcome = 'connected') AS connected,
  (SELECT count(*) FROM call_attempts WHERE campaign_id = $1 AND outcome = 'voicemail') AS voicemails,
  (SELECT count(*) FROM call_attempts WHERE campaign_id = $1 AND status = 'skipped') AS skipped,
  (SELECT count(DISTINCT client_id) FROM consents WHERE granted AND call_id IN (SELECT id FROM campaign_calls)) AS consented,
  (SELECT count(*) FROM appointments WHERE status = 'booked' AND call_id IN (SELECT id FROM campaign_calls)) AS booked,
  (SELECT count(*) FROM dnc_entries WHERE call_id IN (SELECT id FROM campaign_calls)) AS opted_out,
  (SELECT count(*) FROM campaign_calls c
     WHERE EXISTS (SELECT 1 FROM dnc_entries d WHERE d.phone_e164 = c.to_e164 AND d.created_at < c.started_at)) AS dnc_dialled`;

/** Counts the campaign's calls, outcomes, consents, bookings and opt-outs in the tenant's rows. */
export async function queryCampaignCounts(database: SqlDatabase, tenantId: string, campaignId: string): Promise<CampaignCounts> {
  const result = await database.inTenant(tenantId, (session) => session.query<Record<string, string | number>>(COUNTS_SQL, [campaignId]));
  const row = result.rows[0] ?? {};
  const count = (name: string): number => Number(row[name] ?? 0);
  return {
    dialled: count('dialled'),
    connected: count('connected'),
    voicemails: count('voicemails'),
    skipped: count('skipped'),
    consented: count('consented'),
    booked: count('booked'),
    optedOut: count('opted_out'),
    dncDialled: count('dnc_dialled'),
  };
}
