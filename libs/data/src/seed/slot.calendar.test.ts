import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localSlotStarts, nextMondayAfter, slotStartsOfDay, weekdaysFrom } from './slot.calendar';

describe('slot calendar', () => {
  it('starts on the first Monday strictly after the clock date', () => {
    assert.equal(nextMondayAfter(new Date('2026-02-25T15:00:00Z')), '2026-03-02');
    assert.equal(nextMondayAfter(new Date('2026-03-01T23:59:00Z')), '2026-03-02', 'from a Sunday, the next day');
    assert.equal(nextMondayAfter(new Date('2026-03-02T00:00:00Z')), '2026-03-09', 'from a Monday, a week later');
    assert.equal(nextMondayAfter(new Date('2026-12-30T12:00:00Z')), '2027-01-04', 'across a year end');
  });

  it('lists Monday to Friday of each week', () => {
    assert.deepEqual(weekdaysFrom('2026-03-02', 2), [
      '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06',
      '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13',
    ]);
  });

  it('cuts each period into whole slots that end by the period end', () => {
    const day = slotStartsOfDay({ weeks: 1, slotMinutes: 30, periods: [{ from: '09:00', to: '17:00' }] });
    assert.equal(day.length, 16);
    assert.equal(day[0], '09:00');
    assert.equal(day[15], '16:30');
    const withLunch = slotStartsOfDay({ weeks: 1, slotMinutes: 45, periods: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '14:00' }] });
    assert.deepEqual(withLunch, ['08:00', '08:45', '09:30', '10:15', '11:00', '13:00']);
  });

  it('gives weeks x 5 days x slots per day local starts', () => {
    const starts = localSlotStarts({ weeks: 2, slotMinutes: 30, periods: [{ from: '09:00', to: '17:00' }] }, '2026-03-02');
    assert.equal(starts.length, 160);
    assert.equal(starts[0], '2026-03-02T09:00');
    assert.equal(starts[159], '2026-03-13T16:30');
  });
});
