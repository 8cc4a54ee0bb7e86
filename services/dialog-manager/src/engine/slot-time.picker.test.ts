import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSlotChoices, formatSlotTime } from './slot-time.format';
import { pickOfferedSlot } from './slot-time.picker';

const ZONE = 'America/New_York';
/** Tuesday 10:00 AM and Wednesday 2:30 PM in New York. */
const OFFERED = ['2025-06-03T14:00:00.000Z', '2025-06-04T18:30:00.000Z'];

describe('offered slot picker', () => {
  const cases: [said: string, picked: string | undefined][] = [
    ['the first', OFFERED[0]],
    ['the first one please', OFFERED[0]],
    ['the second one', OFFERED[1]],
    ['the later one', OFFERED[1]],
    ['Tuesday', OFFERED[0]],
    ['wednesday works', OFFERED[1]],
    ["ten o'clock", OFFERED[0]],
    ['10 am', OFFERED[0]],
    ['two thirty', OFFERED[1]],
    ['2:30', OFFERED[1]],
    ['the afternoon one', OFFERED[1]],
    ['tuesday at two thirty', undefined],
    ['yes', undefined],
    ['friday', undefined],
    ['either is fine', undefined],
  ];
  for (const [text, picked] of cases) {
    it(`"${text}" picks ${picked ?? 'nothing'}`, () => {
      assert.equal(pickOfferedSlot(text, OFFERED, ZONE), picked);
    });
  }
});

describe('slot time format', () => {
  it('says a time in the caller\'s zone with an ordinal day', () => {
    assert.equal(formatSlotTime('2025-06-03T14:00:00Z', ZONE), 'Tuesday, June 3rd at 10 AM');
    assert.equal(formatSlotTime('2025-06-11T18:30:00Z', ZONE), 'Wednesday, June 11th at 2:30 PM');
    assert.equal(formatSlotTime('2025-06-22T12:00:00Z', 'UTC'), 'Sunday, June 22nd at 12 PM');
  });

  it('joins several times with "or", and falls back to UTC for an unknown zone', () => {
    assert.equal(formatSlotChoices(OFFERED, ZONE), 'Tuesday, June 3rd at 10 AM or Wednesday, June 4th at 2:30 PM');
    assert.equal(formatSlotTime('2025-06-03T14:00:00Z', 'Not/AZone'), 'Tuesday, June 3rd at 2 PM');
  });

  it('refuses a malformed time without echoing it', () => {
    assert.throws(() => formatSlotTime('1952-03-03 or so', ZONE), (error: unknown) => error instanceof Error && !error.message.includes('1952'));
  });
});
