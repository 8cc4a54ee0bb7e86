import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeDateOfBirth } from './date-of-birth.normalizer';

const TODAY = '2025-06-15';

describe('normalizeDateOfBirth', () => {
  const cases: [spoken: string, expected: string | undefined][] = [
    // The brief's spoken and written forms.
    ['march third fifty-two', '1952-03-03'],
    ['March 3rd, 1952', '1952-03-03'],
    ['the third of march nineteen fifty two', '1952-03-03'],
    ['3/3/1952', '1952-03-03'],
    ['03 03 1952', '1952-03-03'],
    ['zero three zero three nineteen fifty two', '1952-03-03'],
    // More forms callers and recognisers produce.
    ['oh three oh three fifty two', '1952-03-03'],
    ['3-3-52', '1952-03-03'],
    ['03031952', '1952-03-03'],
    ['1952-03-03', '1952-03-03'],
    ['my date of birth is March the 3rd, 52', '1952-03-03'],
    ["it's 3 March 1952", '1952-03-03'],
    ['March three, fifty two', '1952-03-03'],
    ['one nine five two march third', undefined],
    ['march third one nine five two', '1952-03-03'],
    ['december thirty first nineteen ninety nine', '1999-12-31'],
    ['July twenty-second, nineteen oh five', '1905-07-22'],
    ['march twenty third two thousand and five', '2005-03-23'],
    ['january first two thousand', '2000-01-01'],
    ['twelve twenty five nineteen eighty', '1980-12-25'],
    ['feb 29 1952', '1952-02-29'],
    // Two-digit years: 19yy when plausible, otherwise 20yy when plausible.
    ['march third ten', '1910-03-03'],
    ['march third oh five', '2005-03-03'],
    ['june fifteenth twenty five', '1925-06-15'],
    ['june fifteenth oh five', '2005-06-15'],
    ['june sixteenth oh five', '1905-06-16'],
    ['june fifteenth 05', '2005-06-15'],
    // Impossible or implausible dates.
    ['february thirtieth nineteen fifty', undefined],
    ['february 29 1951', undefined],
    ['april thirty first nineteen sixty', undefined],
    ['13/01/1952', undefined],
    ['march third 2030', undefined],
    ['march third 1900', undefined],
    ['june fifteenth 1905', undefined],
    ['june sixteenth 1905', '1905-06-16'],
    // Incomplete, ambiguous or noisy: never a guess.
    ['march third', undefined],
    ['may fifth', undefined],
    ['nineteen fifty two', undefined],
    ['one two three fifty', undefined],
    ['march or april third fifty two', undefined],
    ['I am not sure', undefined],
    ['', undefined],
    ['march march third fifty two', undefined],
  ];

  for (const [spoken, expected] of cases) {
    it(`${JSON.stringify(spoken)} → ${expected ?? 'undefined'}`, () => {
      assert.equal(normalizeDateOfBirth(spoken, { today: TODAY }), expected);
    });
  }

  it('refuses a malformed today, naming the expected form', () => {
    assert.throws(() => normalizeDateOfBirth('march third fifty two', { today: '06/15/2025' }), /YYYY-MM-DD/);
  });
});
