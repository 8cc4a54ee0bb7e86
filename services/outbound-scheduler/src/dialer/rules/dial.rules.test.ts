import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { campaignSettingsSchema } from '../../campaigns/campaign.settings';
import type { DialFacts } from './dial.decision';
import { decideDial } from './dial.rules';

const settings = campaignSettingsSchema.parse({
  productCode: 'DENTAL-PLUS',
  window: { startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-04-01T00:00:00Z' },
  callingHours: { start: '08:00', end: '21:00' },
  concurrency: 3,
  retry: { maxAttempts: 3, backoffMinutes: 30 },
});

/** Tuesday 2026-03-10 16:00 UTC: noon in New York (EDT), 09:00 in Los Angeles, 06:00 in Honolulu. */
const NOON_NEW_YORK = new Date('2026-03-10T16:00:00Z');

function facts(overrides: Partial<DialFacts> = {}): DialFacts {
  return {
    now: NOON_NEW_YORK,
    settings,
    onDnc: false,
    consentRefused: false,
    attemptsSoFar: 0,
    calleeZone: 'America/New_York',
    campaignCallsInProgress: 0,
    tenantCallsInProgress: 0,
    tenantMaxConcurrentCalls: 10,
    ...overrides,
  };
}

describe('dialling rules', () => {
  it('dials when every rule allows it', () => {
    assert.deepEqual(decideDial(facts()), { kind: 'dial' });
  });

  it('skips a number on the DNC list before anything else', () => {
    assert.deepEqual(decideDial(facts({ onDnc: true, consentRefused: true, calleeZone: undefined })), { kind: 'skip', reason: 'dnc' });
  });

  it('skips a client who refused consent', () => {
    assert.deepEqual(decideDial(facts({ consentRefused: true })), { kind: 'skip', reason: 'consent_refused' });
  });

  it('skips once the attempts so far reach the maximum, not before', () => {
    assert.deepEqual(decideDial(facts({ attemptsSoFar: 3 })), { kind: 'skip', reason: 'max_attempts' });
    assert.deepEqual(decideDial(facts({ attemptsSoFar: 2 })), { kind: 'dial' });
  });

  it('defers to the window start before the campaign window opens, and skips after it closed', () => {
    const before = decideDial(facts({ now: new Date('2026-02-20T16:00:00Z') }));
    assert.deepEqual(before, { kind: 'defer', reason: 'campaign_window_not_open', until: new Date('2026-03-01T00:00:00Z') });
    assert.deepEqual(decideDial(facts({ now: new Date('2026-04-01T00:00:00Z') })), { kind: 'skip', reason: 'campaign_window_closed' });
  });

  it('defers a callee outside local hours to the next opening in their zone', () => {
    const honolulu = decideDial(facts({ calleeZone: 'Pacific/Honolulu' }));
    assert.deepEqual(honolulu, { kind: 'defer', reason: 'outside_calling_hours', until: new Date('2026-03-10T18:00:00Z') });
    const lateInNewYork = decideDial(facts({ now: new Date('2026-03-11T01:30:00Z') }));
    assert.deepEqual(lateInNewYork, { kind: 'defer', reason: 'outside_calling_hours', until: new Date('2026-03-11T12:00:00Z') }, '21:30 EDT → 08:00 EDT next day');
    assert.deepEqual(decideDial(facts({ calleeZone: 'America/Los_Angeles' })), { kind: 'dial' }, '09:00 in Los Angeles');
  });

  it('follows DST: the night New York springs forward, the next opening is 08:00 EDT (12:00 UTC), the night before 08:00 EST (13:00 UTC)', () => {
    const springForwardNight = decideDial(facts({ now: new Date('2026-03-08T05:00:00Z') }));
    assert.deepEqual(springForwardNight, { kind: 'defer', reason: 'outside_calling_hours', until: new Date('2026-03-08T12:00:00Z') });
    const nightBefore = decideDial(facts({ now: new Date('2026-03-07T05:00:00Z') }));
    assert.deepEqual(nightBefore, { kind: 'defer', reason: 'outside_calling_hours', until: new Date('2026-03-07T13:00:00Z') });
    const fallBackEvening = decideDial(facts({ now: new Date('2026-11-01T02:30:00Z'), settings: { ...settings, window: { startsAt: '2026-10-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' } } }));
    assert.deepEqual(fallBackEvening, { kind: 'defer', reason: 'outside_calling_hours', until: new Date('2026-11-01T13:00:00Z') }, '22:30 EDT → 08:00 EST');
  });

  it('skips an unknown zone, and skips when the next opening is after the campaign ends', () => {
    assert.deepEqual(decideDial(facts({ calleeZone: undefined })), { kind: 'skip', reason: 'no_time_zone' });
    const lastEvening = decideDial(facts({ now: new Date('2026-04-01T01:30:00Z'), settings: { ...settings, window: { ...settings.window, endsAt: '2026-04-01T05:00:00Z' } } }));
    assert.deepEqual(lastEvening, { kind: 'skip', reason: 'campaign_window_closed' });
  });

  it('defers a few seconds when the campaign or the tenant is at its concurrency cap', () => {
    const campaign = decideDial(facts({ campaignCallsInProgress: 3 }));
    assert.equal(campaign.kind === 'defer' && campaign.reason, 'campaign_concurrency');
    assert.ok(campaign.kind === 'defer' && campaign.until.getTime() > NOON_NEW_YORK.getTime() && campaign.until.getTime() <= NOON_NEW_YORK.getTime() + 60_000);
    const tenant = decideDial(facts({ campaignCallsInProgress: 2, tenantCallsInProgress: 10 }));
    assert.equal(tenant.kind === 'defer' && tenant.reason, 'tenant_concurrency');
    assert.deepEqual(decideDial(facts({ campaignCallsInProgress: 2, tenantCallsInProgress: 9 })), { kind: 'dial' });
  });
});
