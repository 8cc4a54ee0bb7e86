import { testInfra } from '@va/testing';
import type { ServiceDefinition } from '../service.definition';

/** Environment for a distributed-mode service process against the test infrastructure; `serviceEnv` holds the service's own variables. */
export function distributedServiceEnv(
  definition: ServiceDefinition,
  topicPrefix: string,
  serviceEnv: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const needs = (dependency: 'postgres' | 'redis'): boolean => definition.dependencies.includes(dependency);
  return {
    HTTP_PORT: '0',
    LOG_LEVEL: 'info',
    SHUTDOWN_GRACE_MS: '8000',
    KAFKA_BROKERS: testInfra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    ...(needs('postgres') ? { DATABASE_URL: testInfra.databaseUrl } : {}),
    ...(needs('redis') ? { REDIS_URL: testInfra.redisUrl } : {}),
    ...serviceEnv,
  };
}

/** The variable each declared dependency makes required. */
export const DEPENDENCY_VARIABLES = Object.freeze({
  kafka: 'KAFKA_BROKERS',
  postgres: 'DATABASE_URL',
  redis: 'REDIS_URL',
} as const);
