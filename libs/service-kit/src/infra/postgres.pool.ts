import { Pool } from 'pg';
import type { Logger } from '@va/observability';
import { errorFields } from '../logging/error.fields';

export const POSTGRES_POOL_POLICY = Object.freeze({
  maxConnections: 10,
  connectionTimeoutMs: 2_000,
  idleTimeoutMs: 30_000,
});

/** A pool that connects on first use; errors of idle clients are logged, not thrown. */
export function createPostgresPool(connectionString: string, logger: Logger): Pool {
  const pool = new Pool({
    connectionString,
    max: POSTGRES_POOL_POLICY.maxConnections,
    connectionTimeoutMillis: POSTGRES_POOL_POLICY.connectionTimeoutMs,
    idleTimeoutMillis: POSTGRES_POOL_POLICY.idleTimeoutMs,
  });
  pool.on('error', (error) => logger.warn('postgres idle client error', errorFields(error)));
  return pool;
}
