import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDtmfEntry, type DtmfEntry, type DtmfValueKind } from './dtmf-entry.reader';

const TODAY = '2025-06-15';
const pending: DtmfEntry = { status: 'pending' };
const invalid: DtmfEntry = { status: 'invalid' };
const complete = (value: string): DtmfEntry => ({ status: 'complete', value });

describe('readDtmfEntry', () => {
  const cases: [kind: DtmfValueKind, keys: string, expected: DtmfEntry][] = [
    ['date-of-birth', '', pending],
    ['date-of-birth', '0303', pending],
    ['date-of-birth', '03031952', complete('1952-03-03')],
    ['date-of-birth', '03031952#', complete('1952-03-03')],
    ['date-of-birth', '12311999', complete('1999-12-31')],
    ['date-of-birth', '02301950', invalid],
    ['date-of-birth', '13011950', invalid],
    ['date-of-birth', '03032030', invalid],
    ['date-of-birth', '0303#', invalid],
    ['date-of-birth', '030319521', invalid],
    ['date-of-birth', '11*03031952', complete('1952-03-03')],
    ['member-id', '845', pending],
    ['member-id', '84512#', complete('84512')],
    ['member-id', '12#', invalid],
    ['member-id', '84#512', invalid],
    ['member-id', '999*84512#', complete('84512')],
    ['phone-number', '555123', pending],
    ['phone-number', '5551234567#', complete('+15551234567')],
    ['phone-number', '15551234567#', complete('+15551234567')],
    ['phone-number', '1234567890#', invalid],
    ['phone-number', '555123#', invalid],
  ];

  for (const [kind, keys, expected] of cases) {
    it(`${kind} ${JSON.stringify(keys)} → ${expected.status}`, () => {
      assert.deepEqual(readDtmfEntry(kind, keys, { today: TODAY }), expected);
    });
  }
});
