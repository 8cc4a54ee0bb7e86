import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  assertConfigRejected,
  assertGracefulExit,
  assertJsonLogLines,
  assertLive,
  assertReadyMetrics,
  freePortRange,
  ServiceProcess,
  waitUntilReady,
} from '@va/service-kit/testing';
import { PLATFORM_SERVICES } from './platform.services';

const ENTRY = join(__dirname, 'main.js');
const SERVICE_NAMES = PLATFORM_SERVICES.map((definition) => definition.name);

describe('embedded platform process', () => {
  const started: ServiceProcess[] = [];
  after(async () => {
    await Promise.all(started.map((child) => child.stop()));
  });

  it('runs all six services on consecutive ports over the in-memory bus and exits 0 on SIGTERM', async () => {
    const basePort = await freePortRange(SERVICE_NAMES.length);
    const child = ServiceProcess.start(ENTRY, { HTTP_BASE_PORT: String(basePort), LOG_LEVEL: 'info' });
    started.push(child);

    const devDefaults = await child.waitForMessage('using DEV-ONLY defaults: public values, never for real data', 30_000);
    assert.deepEqual(devDefaults['variables'], ['DATA_ENCRYPTION_KEYS', 'DATA_ENCRYPTION_ACTIVE_KEY_ID'], 'the field keyring, named, with no value shown');
    const listening = await child.waitForMessage('platform listening', 30_000);
    const urls = listening['services'] as Record<string, string>;
    assert.deepEqual(Object.keys(urls), SERVICE_NAMES);
    SERVICE_NAMES.forEach((name, index) => assert.equal(urls[name], `http://127.0.0.1:${basePort + index}`));

    await Promise.all(
      SERVICE_NAMES.map(async (name) => {
        const baseUrl = urls[name] ?? '';
        const ready = await waitUntilReady(child, baseUrl);
        assert.equal(ready.mode, 'embedded');
        const usesDatabase = PLATFORM_SERVICES.find((definition) => definition.name === name)?.dependencies.includes('postgres') === true;
        assert.deepEqual(Object.keys(ready.checks), usesDatabase ? ['bus', 'postgres'] : ['bus']);
        for (const check of Object.values(ready.checks)) assert.equal(check.ok, true);
        if (usesDatabase) assert.match(ready.checks['postgres']?.detail ?? '', /embedded database/);
        await assertLive(baseUrl);
        await assertReadyMetrics(baseUrl, name);
      }),
    );

    await assertGracefulExit(child, Object.values(urls));
    assertJsonLogLines(child, ['platform', ...SERVICE_NAMES]);
  });

  it('exits 1 naming HTTP_BASE_PORT when it is malformed', async () => {
    const child = ServiceProcess.start(ENTRY, { HTTP_BASE_PORT: 'eighty' });
    started.push(child);
    await assertConfigRejected(child, 'HTTP_BASE_PORT');
  });
});
