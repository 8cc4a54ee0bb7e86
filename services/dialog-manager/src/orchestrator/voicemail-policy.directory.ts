import type { SqlDatabase } from '@va/data';
import type { AnsweringMachineAction } from '../engine';

/** A campaign's voicemail setting (campaigns.settings.voicemail) as the dialog acts on it. */
const CAMPAIGN_POLICY: Readonly<Record<string, AnsweringMachineAction>> = { 'leave-message': 'voicemail', 'hang-up': 'hang-up' };

/** What to do when a machine answers one of a campaign's calls: the campaign's setting, read through row-level security. */
export class VoicemailPolicyDirectory {
  constructor(private readonly db: SqlDatabase) {}

  /** The campaign's choice for this call; undefined when the call has no campaign or it says nothing (the flow decides). */
  async actionFor(tenantId: string, callId: string): Promise<AnsweringMachineAction | undefined> {
    const found = await this.db.inTenant(tenantId, (session) =>
      session.query<{ voicemail: string | null }>(
        `SELECT campaigns.settings->>'voicemail' AS voicemail FROM calls JOIN campaigns ON campaigns.id = calls.campaign_id WHERE calls.id = $1`,
        [callId],
      ),
    );
    const setting = found.rows[0]?.voicemail;
    return setting === null || setting === undefined ? undefined : CAMPAIGN_POLICY[setting];
  }
}
