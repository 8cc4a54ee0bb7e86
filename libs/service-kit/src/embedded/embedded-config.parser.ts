import { commonServiceShapeWithPort, type EnvSource, envVar, loadConfig } from '@va/config';
import type { ServiceConfigShape, ServiceDefinition } from '../service.definition';

const { LOG_LEVEL, SHUTDOWN_GRACE_MS, OTEL_EXPORTER_OTLP_ENDPOINT } = commonServiceShapeWithPort(0);

/**
 * HTTP_BASE_PORT unset: each service on its own default port. Set: the i-th service on
 * base + i; 0: every service on an ephemeral port.
 */
const platformShape = {
  HTTP_BASE_PORT: envVar.port().optional(),
  LOG_LEVEL,
  SHUTDOWN_GRACE_MS,
  OTEL_EXPORTER_OTLP_ENDPOINT,
};

/** The platform's variables and every service's own, in one pass. Throws ConfigError. */
export function parseEmbeddedConfig(definitions: readonly ServiceDefinition[], env: EnvSource) {
  const ownShapes: ServiceConfigShape = Object.assign({}, ...definitions.map((definition) => definition.configShape));
  // Typed by the platform's variables; the services' own values are read back by name.
  const config = loadConfig<typeof platformShape>({ ...ownShapes, ...platformShape }, env);
  const values: Readonly<Record<string, unknown>> = config;
  const ownConfigOf = (definition: ServiceDefinition): Readonly<Record<string, unknown>> =>
    Object.freeze(Object.fromEntries(Object.keys(definition.configShape ?? {}).map((name) => [name, values[name]])));
  const portOf = (definition: ServiceDefinition, index: number): number => {
    const base = config.HTTP_BASE_PORT;
    if (base === undefined) return definition.defaultHttpPort;
    return base === 0 ? 0 : base + index;
  };
  return { platform: config, ownConfigOf, portOf };
}

export type EmbeddedConfig = ReturnType<typeof parseEmbeddedConfig>;
