import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DemoOptionsError, parseDemoOptions } from './demo-options.parser';

describe('demo options', () => {
  it('serves on free ports with a human summary by default', () => {
    assert.deepEqual(parseDemoOptions([]), { exit: false, json: false, basePort: undefined, help: false });
  });

  it('reads --exit, --json and --base-port in either form', () => {
    assert.deepEqual(parseDemoOptions(['--exit', '--json', '--base-port', '9100']), { exit: true, json: true, basePort: 9100, help: false });
    assert.equal(parseDemoOptions(['--base-port=9200']).basePort, 9200);
    assert.equal(parseDemoOptions(['-h']).help, true);
  });

  it('refuses unknown arguments and bad ports, naming them', () => {
    assert.throws(() => parseDemoOptions(['--exitt']), (error: unknown) => error instanceof DemoOptionsError && error.message.includes('"--exitt"'));
    assert.throws(() => parseDemoOptions(['--base-port']), /--base-port expects a port .* got nothing/);
    assert.throws(() => parseDemoOptions(['--base-port', 'eighty']), /got "eighty"/);
    assert.throws(() => parseDemoOptions(['--base-port=70000']), /got "70000"/);
  });
});
