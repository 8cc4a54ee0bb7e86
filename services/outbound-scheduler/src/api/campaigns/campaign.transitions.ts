import type { CampaignStatus } from './campaign.schemas';

export const CAMPAIGN_ACTIONS = ['start', 'pause', 'resume', 'cancel'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

/** The lifecycle a broker drives; the dialer alone moves a running campaign to completed. */
const TRANSITIONS: Record<CampaignAction, { readonly from: readonly CampaignStatus[]; readonly to: CampaignStatus }> = {
  start: { from: ['draft'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  cancel: { from: ['draft', 'running', 'paused'], to: 'cancelled' },
};

export type TransitionVerdict = { readonly allowed: true; readonly to: CampaignStatus } | { readonly allowed: false; readonly reason: string };

/** Whether `action` applies to a campaign in `status`, and the status it leads to. */
export function campaignTransition(status: CampaignStatus, action: CampaignAction): TransitionVerdict {
  const transition = TRANSITIONS[action];
  if (transition.from.includes(status)) return { allowed: true, to: transition.to };
  return { allowed: false, reason: `cannot ${action} a campaign that is ${status} (allowed from: ${transition.from.join(', ')})` };
}
