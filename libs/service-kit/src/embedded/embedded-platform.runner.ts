import { setTimeout as sleep } from 'node:timers/promises';
import { createInMemoryBus, InMemoryBroker } from '@va/bus';
import { createEmbeddedDatabase, migrate, type SqlDatabase } from '@va/data';
import { ConfigError, type EnvSource, withDevOnlyDefaults } from '@va/config';
import { createLogger, createMetricsRegistry, initTracing, type Logger } from '@va/observability';
import { type RunningServiceApp, startServiceApp } from '../app/service-app.starter';
import { reportConfigError } from '../infra/config-error.reporter';
import { exitAfter } from '../lifecycle/process.exit';
import { logProcessFailures } from '../lifecycle/process-failure.logger';
import { onShutdownSignal } from '../lifecycle/shutdown-signal.listener';
import { errorFields } from '../logging/error.fields';
import { createBusProbe } from '../readiness/bus.probe';
import { createDatabaseProbe } from '../readiness/database.probe';
import { ServiceReadiness } from '../readiness/service.readiness';
import type { ServiceDefinition } from '../service.definition';
import { type EmbeddedConfig, parseEmbeddedConfig } from './embedded-config.parser';

export interface EmbeddedPlatformOptions {
  /** The `service` field of the platform's own log lines. */
  readonly name?: string;
  /**
   * Values for variables the environment leaves unset, so a newcomer's `npm start` needs no
   * configuration. Applied only when the whole group is unset, and then logged as a warning:
   * they are public and DEV-ONLY.
   */
  readonly devOnlyDefaults?: Readonly<Record<string, string>>;
}


function readConfig(name: string, definitions: readonly ServiceDefinition[], env: EnvSource): EmbeddedConfig | undefined {
  try {
    return parseEmbeddedConfig(definitions, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    reportConfigError(name, error);
    return undefined;
  }
}

async function startAll(
  definitions: readonly ServiceDefinition[],
  config: EmbeddedConfig,
  started: RunningServiceApp[],
  platformLogger: Logger,
  database: SqlDatabase,
): Promise<void> {
  const broker = new InMemoryBroker();
  const level = config.platform.LOG_LEVEL;
  await Promise.all(
    definitions.map(async (definition, index) => {
      const logger = createLogger({ service: definition.name, level });
      const registry = createMetricsRegistry(definition.name);
      const bus = createInMemoryBus({ logger, metrics: registry, broker });
      await bus.ensureTopics();
      const usesDatabase = definition.dependencies.includes('postgres');
      const probes = [createBusProbe('bus', bus), ...(usesDatabase ? [createDatabaseProbe('postgres', database)] : [])];
      const app = await startServiceApp({
        definition,
        port: config.portOf(definition, index),
        mode: 'embedded',
        logger,
        frameworkLogger: platformLogger,
        registry,
        readiness: new ServiceReadiness(probes, 'embedded'),
        bus,
        ...(usesDatabase ? { database } : {}),
        serviceConfig: config.ownConfigOf(definition),
        ownedResources: bus,
      });
      started.push(app);
    }),
  );
}

function logListening(logger: Logger, apps: readonly RunningServiceApp[]): void {
  const services = Object.fromEntries(apps.map((app) => [app.name, app.url]));
  logger.info('platform listening', { services });
}

/**
 * Embedded mode: every given service in this process, each its own Nest app on its own
 * port, all over one in-memory broker (one bus client per service, as with Kafka). Serves
 * until SIGTERM/SIGINT, then closes every app and exits 0. Exits 1 on bad configuration or
 * a failed start.
 */
export async function runEmbeddedPlatform(
  definitions: readonly ServiceDefinition[],
  options: EmbeddedPlatformOptions = {},
): Promise<void> {
  const name = options.name ?? 'platform';
  const { env, applied: devDefaultsApplied } = withDevOnlyDefaults(options.devOnlyDefaults ?? {});
  const config = readConfig(name, definitions, env);
  if (config === undefined) {
    process.exitCode = 1;
    return;
  }
  const { platform } = config;
  const logger = createLogger({ service: name, level: platform.LOG_LEVEL });
  logProcessFailures(logger);
  if (devDefaultsApplied.length > 0) logger.warn('using DEV-ONLY defaults: public values, never for real data', { variables: devDefaultsApplied });
  const tracing = initTracing({ service: name, otlpEndpoint: platform.OTEL_EXPORTER_OTLP_ENDPOINT });
  const exitPlan = { logger, deadlineMs: platform.SHUTDOWN_GRACE_MS };
  const apps: RunningServiceApp[] = [];
  let database: SqlDatabase | undefined;
  const closeAll = async (): Promise<void> => {
    await Promise.all(apps.map((app) => app.close()));
    await database?.close();
    await tracing.shutdown();
  };

  try {
    database = await createEmbeddedDatabase();
    const migrations = await migrate(database);
    logger.info('embedded database migrated', { applied: migrations.applied });
    await startAll(definitions, config, apps, logger, database);
  } catch (error) {
    logger.error('platform failed to start', errorFields(error));
    await exitAfter(closeAll, { ...exitPlan, exitCode: 1 });
    return;
  }
  const ordered = definitions.flatMap((definition) => apps.filter((app) => app.name === definition.name));
  logListening(logger, ordered);

  const drainPeriodMs = Math.max(0, ...definitions.map((definition) => definition.drainPeriodMs ?? 0));
  onShutdownSignal(
    (signal) => {
      logger.info('shutdown started', { signal, drainPeriodMs, deadlineMs: platform.SHUTDOWN_GRACE_MS });
      for (const app of apps) app.beginDraining();
      void exitAfter(async () => {
        await sleep(drainPeriodMs);
        await closeAll();
      }, { ...exitPlan, exitCode: 0 });
    },
    (signal) => logger.warn('shutdown already in progress', { signal }),
  );
}
