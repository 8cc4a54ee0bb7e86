import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CAMPAIGN_STATUSES } from './campaign.schemas';
import { CAMPAIGN_ACTIONS, campaignTransition } from './campaign.transitions';

describe('campaign transitions', () => {
  it('allow exactly start from draft, pause from running, resume from paused, cancel from any open state', () => {
    const allowed = CAMPAIGN_STATUSES.flatMap((status) =>
      CAMPAIGN_ACTIONS.flatMap((action) => {
        const verdict = campaignTransition(status, action);
        return verdict.allowed ? [`${action}:${status}->${verdict.to}`] : [];
      }),
    );
    assert.deepEqual(allowed.sort(), [
      'cancel:draft->cancelled',
      'cancel:paused->cancelled',
      'cancel:running->cancelled',
      'pause:running->paused',
      'resume:paused->running',
      'start:draft->running',
    ]);
  });

  it('explain a refusal', () => {
    const verdict = campaignTransition('completed', 'resume');
    assert.deepEqual(verdict, { allowed: false, reason: 'cannot resume a campaign that is completed (allowed from: paused)' });
  });
});
