import { createInMemoryBus, InMemoryBroker } from '@va/bus';
import { createEmbeddedDatabase, migrate, type SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import { createLogger, createMetricsRegistry } from '@va/observability';
import { type RunningServiceApp, startServiceApp } from '../app/service-app.starter';
import { createBusProbe } from '../readiness/bus.probe';
import { createDatabaseProbe } from '../readiness/database.probe';
import { ServiceReadiness } from '../readiness/service.readiness';
import type { ServiceDefinition } from '../service.definition';
import type { EmbeddedConfig } from './embedded-config.parser';

/** The services of one embedded platform, started in this process. */
export interface EmbeddedPlatform {
  /** Base URL of each service, in definition order. */
  readonly urls: Readonly<Record<string, string>>;
  /** The embedded database every service that uses Postgres shares (migrated). */
  readonly database: SqlDatabase;
  readonly apps: readonly RunningServiceApp[];
  beginDraining(): void;
  /** Closes every app, then the database. */
  close(): Promise<void>;
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

/**
 * Starts every given service in this process over one in-memory broker and one migrated
 * embedded database, and returns them running. On a failed start whatever did start is
 * closed and the error is thrown. Signals and exit codes are the caller's.
 */
export async function startEmbeddedPlatform(definitions: readonly ServiceDefinition[], config: EmbeddedConfig, logger: Logger): Promise<EmbeddedPlatform> {
  const started: RunningServiceApp[] = [];
  let database: SqlDatabase | undefined;
  const close = async (): Promise<void> => {
    await Promise.all(started.map((app) => app.close()));
    await database?.close();
  };
  try {
    database = await createEmbeddedDatabase();
    const migrations = await migrate(database);
    logger.info('embedded database migrated', { applied: migrations.applied });
    await startAll(definitions, config, started, logger, database);
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  const apps = definitions.flatMap((definition) => started.filter((app) => app.name === definition.name));
  return {
    urls: Object.fromEntries(apps.map((app) => [app.name, app.url])),
    database,
    apps,
    beginDraining: () => apps.forEach((app) => app.beginDraining()),
    close,
  };
}
