export type { ServiceDefinition, ServiceDependency, ServiceConfigShape } from './service.definition';
export type { RunMode } from './run.mode';
export { BUS, PG_POOL, SQL_DATABASE, REDIS_CLIENT, LOGGER, METRICS_REGISTRY, SERVICE_CONFIG, RUN_MODE, SERVICE_READINESS } from './kit.tokens';
export type { DependencyProbe, ProbeResult } from './readiness/dependency.probe';
export {
  ServiceReadiness,
  DEFAULT_READINESS_POLICY,
  type ReadinessPolicy,
  type ReadinessReport,
} from './readiness/service.readiness';
export { createBusProbe } from './readiness/bus.probe';
export { createRedisProbe } from './readiness/redis.probe';
export { createDatabaseProbe } from './readiness/database.probe';
export { ServiceKitModule, type ServiceKitModuleOptions } from './module/service-kit.module';
export type { OwnedResources } from './module/owned-resources.lifecycle';
export { startServiceApp, type StartServiceAppOptions, type RunningServiceApp } from './app/service-app.starter';
export { runService } from './run-service';
export { runEmbeddedPlatform, type EmbeddedPlatformOptions } from './embedded/embedded-platform.runner';
export type { EmbeddedPlatform } from './embedded/embedded-platform.starter';
