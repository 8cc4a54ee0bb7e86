import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeMemberId } from './member-id.normalizer';

describe('normalizeMemberId', () => {
  const cases: [spoken: string, expected: string | undefined][] = [
    ['x o f eight four five one two', 'XOF84512'],
    ['XOF 84512', 'XOF84512'],
    ['XOF84512', 'XOF84512'],
    ['one two three, four five six', '123456'],
    ['double five one two', '5512'],
    ['triple seven four', '7774'],
    ['x-ray oscar foxtrot eight four', 'XOF84'],
    ['b as in bravo one two three', 'B123'],
    ['ex oh eff eight four five', 'XOF845'],
    ['eight oh five a b', '805AB'],
    ['double u one two', 'W12'],
    ['forty five twelve', '4512'],
    ['my member id is X O F 8 4 5 1 2', 'XOF84512'],
    ['a1b2c3', 'A1B2C3'],
    ['um, X O F dash eight four five', 'XOF845'],
    // Not readable without guessing, or out of range.
    ['xof 84512', undefined],
    ['b as in charlie one two', undefined],
    ['one two', undefined],
    ['one two three four five six seven eight nine zero one two three four five six seven eight nine zero one', undefined],
    ['I do not have it', undefined],
    ['double', undefined],
    ['double forty', undefined],
    ['one hundred thousand', undefined],
    ['', undefined],
  ];

  for (const [spoken, expected] of cases) {
    it(`${JSON.stringify(spoken)} → ${expected ?? 'undefined'}`, () => {
      assert.equal(normalizeMemberId(spoken), expected);
    });
  }
});
