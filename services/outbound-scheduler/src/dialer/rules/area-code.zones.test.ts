import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zoneForNumber } from './area-code.zones';
import { isKnownZone } from './zoned.time';

describe('NANP area code → time zone', () => {
  it('maps the demo seed area codes and common US and Canadian ones', () => {
    assert.equal(zoneForNumber('+12125550100'), 'America/New_York');
    assert.equal(zoneForNumber('+13125550100'), 'America/Chicago');
    assert.equal(zoneForNumber('+13035550100'), 'America/Denver');
    assert.equal(zoneForNumber('+16025550100'), 'America/Phoenix');
    assert.equal(zoneForNumber('+14155550100'), 'America/Los_Angeles');
    assert.equal(zoneForNumber('+19075550100'), 'America/Anchorage');
    assert.equal(zoneForNumber('+18085550100'), 'Pacific/Honolulu');
    assert.equal(zoneForNumber('+14165550100'), 'America/Toronto');
    assert.equal(zoneForNumber('+16045550100'), 'America/Vancouver');
  });

  it('answers undefined for unknown area codes, non-NANP and malformed numbers', () => {
    assert.equal(zoneForNumber('+15550990001'), undefined);
    assert.equal(zoneForNumber('+442071234567'), undefined);
    assert.equal(zoneForNumber('2125550100'), undefined);
    assert.equal(zoneForNumber('+1212555010'), undefined);
  });

  it('every zone in the table is one Intl knows', () => {
    for (const number of ['+12125550100', '+13125550100', '+17875550100', '+15145550100', '+12045550100', '+13065550100', '+14035550100', '+19025550100', '+17095550100']) {
      const zone = zoneForNumber(number);
      assert.ok(zone !== undefined && isKnownZone(zone), `${number} → ${String(zone)}`);
    }
    assert.equal(isKnownZone('Mars/Olympus_Mons'), false);
  });
});
