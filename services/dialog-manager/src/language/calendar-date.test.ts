import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageInYears, isPlausibleBirthDate, parseIsoDate, parseToday } from './calendar-date';

const TODAY = { year: 2025, month: 6, day: 15 };

describe('calendar dates', () => {
  const isoCases: [text: string, valid: boolean][] = [
    ['1952-03-03', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1952-13-01', false],
    ['1952-3-3', false],
    ['03/03/1952', false],
  ];
  for (const [text, valid] of isoCases) {
    it(`parses ${text}: ${valid ? 'valid' : 'invalid'}`, () => assert.equal(parseIsoDate(text) !== undefined, valid));
  }

  const ageCases: [birth: string, age: number, plausible: boolean][] = [
    ['2025-06-15', 0, true],
    ['2025-06-16', -1, false],
    ['1952-03-03', 73, true],
    ['1905-06-16', 119, true],
    ['1905-06-15', 120, false],
  ];
  for (const [birth, age, plausible] of ageCases) {
    it(`born ${birth}: age ${age}, ${plausible ? 'plausible' : 'implausible'}`, () => {
      const date = parseIsoDate(birth)!;
      assert.equal(ageInYears(date, TODAY), age);
      assert.equal(isPlausibleBirthDate(date, TODAY), plausible);
    });
  }

  it('refuses a malformed today', () => {
    assert.deepEqual(parseToday('2025-06-15'), TODAY);
    assert.throws(() => parseToday('2025-6-15'), /YYYY-MM-DD/);
  });
});
