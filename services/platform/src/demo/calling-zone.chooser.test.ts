import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseCallingZone } from './calling-zone.chooser';

describe('the demo callees\' time zone', () => {
  it('is in mid-day (10:00 to 18:00 local) at every half hour of a day, in summer and in winter', () => {
    for (const day of ['2026-01-15', '2026-07-15', '2026-03-09', '2026-11-02']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
        const now = new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000);
        const zone = chooseCallingZone(now);
        const hour = Number(zone.localTime.slice(0, 2));
        assert.ok(hour >= 10 && hour < 18, `${now.toISOString()}: ${zone.timeZone} at ${zone.localTime}`);
      }
    }
  });

  it('prefers a US zone when one is in mid-day (16:00 UTC is noon in New York)', () => {
    assert.deepEqual(chooseCallingZone(new Date('2026-07-15T16:00:00Z')), { timeZone: 'America/New_York', localTime: '12:00' });
  });
});
