import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { freePort, requireKafka, requirePostgres, requireRedis, uniqueTopicPrefix } from '@va/testing';
import type { ServiceDefinition, ServiceDependency } from '../service.definition';
import { httpGetJson } from './http.get';
import { deleteTopicsWithPrefix } from './kafka-topics.cleanup';
import {
  assertConfigRejected,
  assertGracefulExit,
  assertJsonLogLines,
  assertLive,
  assertReadyMetrics,
  type ReadyBody,
  waitUntilReady,
} from './service.assertions';
import { DEPENDENCY_VARIABLES, distributedServiceEnv } from './service.env';
import { ServiceProcess } from './service.process';

const LISTENING_TIMEOUT_MS = 30_000;

const REQUIRE_SERVER: Readonly<Record<ServiceDependency, () => Promise<void>>> = {
  kafka: requireKafka,
  postgres: requirePostgres,
  redis: requireRedis,
};

/** The listening port from the "service listening" log line. */
export async function listeningPort(child: ServiceProcess): Promise<number> {
  const line = await child.waitForMessage('service listening', LISTENING_TIMEOUT_MS);
  const port = line['port'];
  assert.ok(typeof port === 'number' && port > 0, `bad port in ${JSON.stringify(line)}`);
  return port;
}

export interface ServiceBootOptions {
  /** Valid values for the service's own required variables (its configShape). */
  readonly serviceEnv?: Readonly<Record<string, string>>;
}

/**
 * The process-level contract of a distributed-mode service, run against the real test
 * infrastructure: boot to ready, health and metrics, JSON logs, clean SIGTERM exit, and
 * exit 1 naming the variable for bad configuration.
 */
export function describeServiceBoot(definition: ServiceDefinition, entry: string, options: ServiceBootOptions = {}): void {
  const topicPrefix = uniqueTopicPrefix(definition.name);
  const env = distributedServiceEnv(definition, topicPrefix, options.serviceEnv);
  const started: ServiceProcess[] = [];
  const start = (overrides: Readonly<Record<string, string | undefined>>): ServiceProcess => {
    const merged = Object.entries({ ...env, ...overrides }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    );
    const child = ServiceProcess.start(entry, Object.fromEntries(merged));
    started.push(child);
    return child;
  };

  describe(`${definition.name} service process`, () => {
    after(async () => {
      await Promise.all(started.map((child) => child.stop()));
      await deleteTopicsWithPrefix(topicPrefix);
    });

    it('becomes ready on its declared dependencies, serves health and metrics, and exits 0 on SIGTERM', async () => {
      for (const dependency of definition.dependencies) await REQUIRE_SERVER[dependency]();
      const child = start({});
      const baseUrl = `http://127.0.0.1:${await listeningPort(child)}`;

      const ready = await waitUntilReady(child, baseUrl);
      assert.equal(ready.status, 'ready');
      assert.equal(ready.mode, 'distributed');
      assert.deepEqual(Object.keys(ready.checks).sort(), [...definition.dependencies].sort());
      for (const check of Object.values(ready.checks)) assert.equal(check.ok, true);
      if (definition.dependencies.includes('postgres')) assert.match(ready.checks['postgres']?.detail ?? '', /^migrated/, 'the schema was migrated at start');
      await assertLive(baseUrl);
      await assertReadyMetrics(baseUrl, definition.name);

      await assertGracefulExit(child, [baseUrl]);
      assertJsonLogLines(child, [definition.name]);
    });

    for (const dependency of definition.dependencies.filter((each) => each !== 'kafka')) {
      it(`is not ready while ${dependency} does not answer, and still exits 0 on SIGTERM`, async () => {
        await requireKafka();
        const variable = DEPENDENCY_VARIABLES[dependency];
        const deadUrl = new URL(env[variable] ?? '');
        deadUrl.port = String(await freePort());
        const child = start({ [variable]: deadUrl.toString() });
        const baseUrl = `http://127.0.0.1:${await listeningPort(child)}`;

        const ready = await child.waitUntil(
          async () => {
            const answer = await httpGetJson(`${baseUrl}/health/ready`);
            const body = answer.body as ReadyBody;
            return body.checks?.['kafka']?.ok === true ? answer : undefined;
          },
          LISTENING_TIMEOUT_MS,
          'a readiness answer with Kafka ok',
        );
        assert.equal(ready.status, 503);
        const body = ready.body as ReadyBody;
        assert.equal(body.status, 'not-ready');
        assert.equal(body.checks[dependency]?.ok, false);
        assert.ok((body.checks[dependency]?.detail ?? '').length > 0);
        await assertGracefulExit(child, [baseUrl]);
      });
    }

    for (const dependency of definition.dependencies) {
      const variable = DEPENDENCY_VARIABLES[dependency];
      it(`exits 1 naming ${variable} when it is unset`, async () => {
        await assertConfigRejected(start({ [variable]: undefined }), variable);
      });
    }

    for (const variable of Object.keys(options.serviceEnv ?? {})) {
      it(`exits 1 naming ${variable} when it is unset`, async () => {
        await assertConfigRejected(start({ [variable]: undefined }), variable);
      });
    }

    it('exits 1 naming HTTP_PORT when it is malformed', async () => {
      await assertConfigRejected(start({ HTTP_PORT: 'abc' }), 'HTTP_PORT');
    });
  });
}
