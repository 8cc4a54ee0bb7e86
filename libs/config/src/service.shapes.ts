import { envVar } from './env-var.schemas';

/**
 * Variable groups that services spread into their own shape, e.g.
 * `loadConfig({ ...commonServiceShapeWithPort(3001), ...kafkaShape, OPENAI_API_KEY: envVar.secret() })`.
 */

const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

const observabilityAndLifecycleShape = {
  LOG_LEVEL: envVar.logLevel(),
  SHUTDOWN_GRACE_MS: envVar.durationMs(DEFAULT_SHUTDOWN_GRACE_MS),
  OTEL_EXPORTER_OTLP_ENDPOINT: envVar.optionalUrl(),
};

/** Common variables with HTTP_PORT required (no service-wide default port exists). */
export const commonServiceShape = Object.freeze({
  HTTP_PORT: envVar.port(),
  ...observabilityAndLifecycleShape,
});

/** Common variables with HTTP_PORT defaulting to the service's own port. */
export function commonServiceShapeWithPort(defaultPort: number) {
  return Object.freeze({
    HTTP_PORT: envVar.port(defaultPort),
    ...observabilityAndLifecycleShape,
  });
}

export const kafkaShape = Object.freeze({
  KAFKA_BROKERS: envVar.brokers(),
  KAFKA_TOPIC_PREFIX: envVar.topicPrefix(),
});

export const postgresShape = Object.freeze({
  DATABASE_URL: envVar.postgresUrl(),
});

export const redisShape = Object.freeze({
  REDIS_URL: envVar.redisUrl(),
});
