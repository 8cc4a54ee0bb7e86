import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { Registry } from 'prom-client';
import { type Bus, createKafkaBus } from '@va/bus';
import { createPostgresDatabase, type SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import { errorFields } from '../logging/error.fields';
import { createBusProbe } from '../readiness/bus.probe';
import type { DependencyProbe } from '../readiness/dependency.probe';
import { createRedisProbe } from '../readiness/redis.probe';
import type { ServiceDefinition } from '../service.definition';
import { DatabaseMigrator } from './database.migrator';
import { createPostgresPool } from './postgres.pool';
import { closeRedisClient, createRedisClient } from './redis.client';
import type { SharedServiceConfig } from './service-config.parser';

/** The distributed-mode connections of one service and the probes that watch them. */
export interface ServiceInfrastructure {
  readonly bus: Bus;
  readonly postgres?: Pool;
  /** The database port over the same pool. */
  readonly database?: SqlDatabase;
  /** Migrates the database at start (retrying while it is down); its probe gates readiness. */
  readonly migrator?: DatabaseMigrator;
  readonly redis?: Redis;
  readonly probes: readonly DependencyProbe[];
  /** Closes the bus first (no more deliveries), then Postgres and Redis. Idempotent. */
  close(): Promise<void>;
}

export function createServiceInfrastructure(
  definition: ServiceDefinition,
  config: SharedServiceConfig,
  logger: Logger,
  registry: Registry,
): ServiceInfrastructure {
  const bus = createKafkaBus({
    logger,
    metrics: registry,
    brokers: config.KAFKA_BROKERS,
    clientId: definition.name,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  });
  const postgres = config.DATABASE_URL === undefined ? undefined : createPostgresPool(config.DATABASE_URL, logger);
  const database = postgres === undefined ? undefined : createPostgresDatabase(postgres);
  const migrator = database === undefined ? undefined : new DatabaseMigrator(database, logger);
  const redis = config.REDIS_URL === undefined ? undefined : createRedisClient(config.REDIS_URL, logger);
  const declared = new Set(definition.dependencies);
  const probes = [
    ...(declared.has('kafka') ? [createBusProbe('kafka', bus)] : []),
    ...(migrator === undefined ? [] : [migrator.probe('postgres')]),
    ...(redis === undefined ? [] : [createRedisProbe(redis)]),
  ];

  const closeQuietly = async (name: string, close: () => Promise<void>): Promise<void> => {
    try {
      await close();
    } catch (error) {
      logger.warn('closing a connection failed', { connection: name, ...errorFields(error) });
    }
  };
  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    migrator?.stop();
    await closeQuietly('kafka', () => bus.close());
    await Promise.all([
      postgres === undefined ? undefined : closeQuietly('postgres', () => postgres.end()),
      redis === undefined ? undefined : closeQuietly('redis', () => closeRedisClient(redis)),
    ]);
  };

  return {
    bus,
    ...(postgres === undefined ? {} : { postgres }),
    ...(database === undefined ? {} : { database }),
    ...(migrator === undefined ? {} : { migrator }),
    ...(redis === undefined ? {} : { redis }),
    probes,
    close: () => (closing ??= close()),
  };
}
