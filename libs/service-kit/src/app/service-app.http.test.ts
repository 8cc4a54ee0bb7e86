import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { createInMemoryBus } from '@va/bus';
import { createLogger, createMetricsRegistry } from '@va/observability';
import type { ProbeResult } from '../readiness/dependency.probe';
import { ServiceReadiness } from '../readiness/service.readiness';
import { httpGet, httpGetJson } from '../testing/http.get';
import { type RunningServiceApp, startServiceApp } from './service-app.starter';

const PROBE_TIMEOUT_MS = 200;

/** A dependency whose answer the test sets: a result, a thrown error, or no answer at all. */
class ScriptedProbe {
  answer: ProbeResult | Error | 'hang' = { ok: true, detail: 'fine' };

  constructor(readonly name: string) {}

  async check(): Promise<ProbeResult> {
    const answer = this.answer;
    if (answer === 'hang') return new Promise<never>(() => undefined);
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

@Controller('calls')
class CallsTestController {
  @Get(':callId')
  find(@Param('callId') callId: string): { callId: string } {
    return { callId };
  }
}

@Module({ controllers: [CallsTestController] })
class TestServiceModule {}

describe('service app HTTP surface', () => {
  const database = new ScriptedProbe('postgres');
  const cache = new ScriptedProbe('redis');
  const silent = createLogger({ service: 'stt', destination: { write: () => undefined } });
  let readiness: ServiceReadiness;
  let app: RunningServiceApp;
  let ownedResourcesClosed = false;

  before(async () => {
    readiness = new ServiceReadiness([database, cache], 'distributed', { probeTimeoutMs: PROBE_TIMEOUT_MS });
    app = await startServiceApp({
      definition: {
        name: 'stt',
        defaultHttpPort: 0,
        dependencies: [],
        module: () => ({ module: TestServiceModule }),
      },
      port: 0,
      mode: 'distributed',
      logger: silent,
      registry: createMetricsRegistry('stt'),
      readiness,
      bus: createInMemoryBus({ logger: silent }),
      serviceConfig: {},
      ownedResources: {
        close: async () => {
          ownedResourcesClosed = true;
        },
      },
    });
  });

  after(async () => {
    await app.close();
  });

  beforeEach(() => {
    database.answer = { ok: true, detail: 'SELECT 1 answered' };
    cache.answer = { ok: true, detail: 'PING answered PONG' };
  });

  it('answers ready with every check when all probes are ok', async () => {
    const ready = await httpGetJson(`${app.url}/health/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, {
      status: 'ready',
      mode: 'distributed',
      checks: {
        postgres: { ok: true, detail: 'SELECT 1 answered' },
        redis: { ok: true, detail: 'PING answered PONG' },
      },
    });
  });

  it('answers 503 with the failing probe and its detail', async () => {
    cache.answer = { ok: false, detail: 'connection refused' };
    const ready = await httpGetJson(`${app.url}/health/ready`);
    assert.equal(ready.status, 503);
    assert.deepEqual(ready.body, {
      status: 'not-ready',
      mode: 'distributed',
      checks: {
        postgres: { ok: true, detail: 'SELECT 1 answered' },
        redis: { ok: false, detail: 'connection refused' },
      },
    });
  });

  it('counts a throwing probe as failed with the error message', async () => {
    database.answer = new Error('password authentication failed');
    const ready = await httpGetJson(`${app.url}/health/ready`);
    assert.equal(ready.status, 503);
    const body = ready.body as { checks: Record<string, ProbeResult> };
    assert.deepEqual(body.checks['postgres'], { ok: false, detail: 'password authentication failed' });
  });

  it('counts a probe that does not answer in time as failed', async () => {
    database.answer = 'hang';
    const startedAt = Date.now();
    const ready = await httpGetJson(`${app.url}/health/ready`);
    assert.equal(ready.status, 503);
    assert.ok(Date.now() - startedAt < PROBE_TIMEOUT_MS + 1_000, 'readiness waited past the probe timeout');
    const body = ready.body as { checks: Record<string, ProbeResult> };
    assert.deepEqual(body.checks['postgres'], { ok: false, detail: `postgres check timed out after ${PROBE_TIMEOUT_MS} ms` });
  });

  it('exports service_ready following the probes', async () => {
    assert.match((await httpGet(`${app.url}/metrics`)).text, /^service_ready\{service="stt"\} 1$/m);
    cache.answer = { ok: false, detail: 'down' };
    assert.match((await httpGet(`${app.url}/metrics`)).text, /^service_ready\{service="stt"\} 0$/m);
  });

  it('counts requests by route template, never by raw URL', async () => {
    const call = await httpGetJson(`${app.url}/calls/CA-secret-42`);
    assert.deepEqual(call, { status: 200, body: { callId: 'CA-secret-42' } });
    const metrics = await httpGet(`${app.url}/metrics`);
    const contentTypeParts = (value: string): string[] => value.split(';').map((part) => part.trim()).sort();
    assert.deepEqual(contentTypeParts(metrics.contentType), contentTypeParts(createMetricsRegistry('stt').contentType));
    assert.match(metrics.text, /^http_requests_total\{route="\/calls\/:callId",method="GET",status="200",service="stt"\} 1$/m);
    assert.doesNotMatch(metrics.text, /CA-secret-42/);
  });

  it('answers 503 draining once draining began, while staying live', async () => {
    app.beginDraining();
    const ready = await httpGetJson(`${app.url}/health/ready`);
    assert.deepEqual(ready, { status: 503, body: { status: 'draining', mode: 'distributed' } });
    assert.deepEqual(await httpGetJson(`${app.url}/health/live`), { status: 200, body: { status: 'ok' } });
    assert.match((await httpGet(`${app.url}/metrics`)).text, /^service_ready\{service="stt"\} 0$/m);
    assert.match(
      (await httpGet(`${app.url}/metrics`)).text,
      /^http_requests_total\{route="\/health\/ready",method="GET",status="503",service="stt"\} [1-9]/m,
    );
  });

  it('closes the resources it owns when the app closes', async () => {
    assert.equal(ownedResourcesClosed, false);
    await app.close();
    assert.equal(ownedResourcesClosed, true);
    await assert.rejects(httpGet(`${app.url}/health/live`));
  });
});
