import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBackDateOfBirth, readBackMemberId, readBackPhoneNumber } from './spoken-value.read-back';

describe('read-back forms', () => {
  const dates: [iso: string, spoken: string][] = [
    ['1952-03-03', 'March 3rd, 1952'],
    ['1990-01-01', 'January 1st, 1990'],
    ['1984-11-02', 'November 2nd, 1984'],
    ['2001-07-11', 'July 11th, 2001'],
    ['2001-07-12', 'July 12th, 2001'],
    ['2001-07-13', 'July 13th, 2001'],
    ['1975-12-21', 'December 21st, 1975'],
    ['1975-12-22', 'December 22nd, 1975'],
    ['1975-10-23', 'October 23rd, 1975'],
    ['1960-05-30', 'May 30th, 1960'],
    ['1960-08-31', 'August 31st, 1960'],
  ];
  for (const [iso, spoken] of dates) {
    it(`date of birth ${iso} → ${spoken}`, () => assert.equal(readBackDateOfBirth(iso), spoken));
  }

  it('refuses a date that was not normalised, without echoing it', () => {
    assert.throws(
      () => readBackDateOfBirth('1952-02-30'),
      (error: Error) => !error.message.includes('1952') && /ISO date/.test(error.message),
    );
  });

  it('spells a member id one character at a time', () => {
    assert.equal(readBackMemberId('XOF84512'), 'X O F 8 4 5 1 2');
    assert.equal(readBackMemberId('123'), '1 2 3');
  });

  it('reads a phone number digit by digit in groups', () => {
    assert.equal(readBackPhoneNumber('+15551234567'), '5 5 5, 1 2 3, 4 5 6 7');
    assert.throws(() => readBackPhoneNumber('5551234567'), (error: Error) => !error.message.includes('555'));
  });
});
