export { seedDemo, DEFAULT_RANDOM_SEED, type DemoSeedOptions, type DemoSeedReport, type SeededTenant } from './demo.seed';
export { apiKeyHash, apiKeyPrefix, type DemoApiKey, type DemoRole } from './demo-api.keys';
export type { CountedTable } from './seed.tables';
export type { TenantNumber } from './tenant.writer';
