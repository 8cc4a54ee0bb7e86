export { ConfigError, type ConfigIssue } from './config.error';
export { loadConfig, type EnvSource } from './config.loader';
export { withDevOnlyDefaults, type DevOnlyDefaults } from './dev-only.defaults';
export { type DeepReadonly } from './deep-freeze';
export { envVar, type EnvLogLevel } from './env-var.schemas';
export {
  commonServiceShape,
  commonServiceShapeWithPort,
  kafkaShape,
  postgresShape,
  redisShape,
} from './service.shapes';
