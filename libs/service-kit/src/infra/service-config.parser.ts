import { z } from 'zod';
import { commonServiceShapeWithPort, kafkaShape, loadConfig, postgresShape, redisShape } from '@va/config';
import type { ServiceConfigShape, ServiceDefinition } from '../service.definition';

/** For a dependency the service does not declare: the variable is not read at all. */
const notRead = z.unknown().transform((): undefined => undefined);

function kitShape(definition: ServiceDefinition) {
  const needs = (dependency: 'postgres' | 'redis'): boolean => definition.dependencies.includes(dependency);
  return {
    ...commonServiceShapeWithPort(definition.defaultHttpPort),
    ...kafkaShape,
    DATABASE_URL: needs('postgres') ? postgresShape.DATABASE_URL : notRead,
    REDIS_URL: needs('redis') ? redisShape.REDIS_URL : notRead,
  };
}

function pick(values: Readonly<Record<string, unknown>>, names: readonly string[]): Readonly<Record<string, unknown>> {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, values[name]])));
}

/**
 * Parses the shared variables and the service's own in one pass, so one ConfigError names
 * every bad variable. Throws ConfigError.
 */
export function parseServiceConfig(definition: ServiceDefinition) {
  const ownShape: ServiceConfigShape = definition.configShape ?? {};
  const shared = kitShape(definition);
  // Typed by the shared variables; the service's own values are read back by name.
  const config = loadConfig<ReturnType<typeof kitShape>>({ ...ownShape, ...shared });
  return { shared: config, own: pick(config, Object.keys(ownShape)) };
}

export type ParsedServiceConfig = ReturnType<typeof parseServiceConfig>;
export type SharedServiceConfig = ParsedServiceConfig['shared'];
