import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { campaignSettled, type CampaignProgressView } from './demo-campaign.driver';
import { DemoProgressReporter, describeProgress } from './demo-progress.reporter';

function progress(byStatus: Record<string, number>, booked = 0): CampaignProgressView {
  return {
    status: 'running',
    targetCount: 3,
    attempts: { total: 3, byStatus, byOutcome: { connected: 1 } },
    consents: { granted: 1, refused: 0 },
    appointmentsBooked: booked,
    dncAdded: 0,
  };
}

describe('demo progress', () => {
  it('describes a campaign\'s progress on one line, counts sorted by name', () => {
    assert.equal(
      describeProgress(progress({ pending: 1, completed: 2 }, 1)),
      'campaign running: attempts completed 2, pending 1; outcomes connected 1; consents 1 granted, 0 refused; booked 1; opted out 0',
    );
  });

  it('is settled only when every attempt is completed, skipped or failed', () => {
    assert.equal(campaignSettled(progress({ completed: 2, skipped: 1 })), true);
    assert.equal(campaignSettled(progress({ completed: 2, dialling: 1 })), false);
    assert.equal(campaignSettled(progress({})), false);
  });

  it('prints a line per change until the campaign settles', async () => {
    const lines: string[] = [];
    const states = [progress({ pending: 3 }), progress({ pending: 3 }), progress({ dialling: 3 }), progress({ completed: 3 })];
    const reporter = new DemoProgressReporter((line) => lines.push(line));
    const final = await reporter.followCampaign(async () => states.shift() ?? progress({ completed: 3 }), { intervalMs: 1, timeoutMs: 5_000 });
    assert.deepEqual(final.attempts.byStatus, { completed: 3 });
    assert.deepEqual(lines.map((line) => line.replace(/; outcomes.*/, '')), ['demo: campaign running: attempts pending 3', 'demo: campaign running: attempts dialling 3', 'demo: campaign running: attempts completed 3']);
  });

  it('gives up with the last progress when the campaign does not settle in time', async () => {
    const reporter = new DemoProgressReporter(() => undefined);
    await assert.rejects(reporter.followCampaign(async () => progress({ dialling: 3 }), { intervalMs: 5, timeoutMs: 20 }), /did not finish within 20 ms \(campaign running: attempts dialling 3/);
  });
});
