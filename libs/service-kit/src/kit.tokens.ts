/**
 * Injection tokens the kit provides to every service module (the kit module is global).
 * PG_POOL and REDIS_CLIENT exist only when the service declares that dependency and the
 * server exists (distributed mode).
 */
export const BUS = Symbol('va:bus');
export const PG_POOL = Symbol('va:pg-pool');
/** The database port (@va/data SqlDatabase), migrated at start, in both modes. */
export const SQL_DATABASE = Symbol('va:sql-database');
export const REDIS_CLIENT = Symbol('va:redis-client');
export const LOGGER = Symbol('va:logger');
export const METRICS_REGISTRY = Symbol('va:metrics-registry');
/** The parsed values of the service's own configShape. */
export const SERVICE_CONFIG = Symbol('va:service-config');
export const RUN_MODE = Symbol('va:run-mode');
export const SERVICE_READINESS = Symbol('va:service-readiness');
