import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePhoneNumber, usPhoneNumberFromDigits } from './phone-number.normalizer';

describe('normalizePhoneNumber', () => {
  const cases: [spoken: string, expected: string | undefined][] = [
    ['five five five, one two three, four five six seven', '+15551234567'],
    ['(555) 123-4567', '+15551234567'],
    ['+1 555 123 4567', '+15551234567'],
    ['555.123.4567', '+15551234567'],
    ['plus one five five five one two three four five six seven', '+15551234567'],
    ['two oh two, five five five, oh one o one', '+12025550101'],
    ['double five five, one two three, forty five sixty seven', '+15551234567'],
    ['one eight hundred five five five one two one two', '+18005551212'],
    ['my number is 555 123 4567', '+15551234567'],
    // Not a US number, or not only digits.
    ['123 456 7890', undefined],
    ['555 1234', undefined],
    ['2 555 123 4567', undefined],
    ['555 123 4567 8', undefined],
    ['five five five, one two three, call me later', undefined],
    ['five five five x one two three four five six seven', undefined],
    ['', undefined],
  ];

  for (const [spoken, expected] of cases) {
    it(`${JSON.stringify(spoken)} → ${expected ?? 'undefined'}`, () => {
      assert.equal(normalizePhoneNumber(spoken), expected);
    });
  }

  it('takes ten digits or eleven with country code 1', () => {
    assert.equal(usPhoneNumberFromDigits('5551234567'), '+15551234567');
    assert.equal(usPhoneNumberFromDigits('15551234567'), '+15551234567');
    assert.equal(usPhoneNumberFromDigits('25551234567'), undefined);
    assert.equal(usPhoneNumberFromDigits('555123456'), undefined);
  });
});
