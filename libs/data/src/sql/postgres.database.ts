import { Pool, type PoolConfig } from 'pg';
import type { SqlDatabase, SqlSession } from './sql.database';
import { databaseOver } from './transactional.database';

/**
 * Postgres over a pg Pool: one pooled connection per transaction. Given a pool, it shares it
 * and leaves closing it to its owner; given a configuration, it owns the pool it makes.
 */
export function createPostgresDatabase(source: PoolConfig | Pool): SqlDatabase {
  const owned = !(source instanceof Pool);
  const pool = source instanceof Pool ? source : new Pool(source);
  if (owned) pool.on('error', () => undefined);
  return databaseOver({
    backend: 'postgres',
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const session: SqlSession = {
          query: async (text, params) => {
            const result = await client.query(text, params === undefined ? undefined : [...params]);
            return { rows: result.rows, rowCount: result.rowCount ?? 0 };
          },
        };
        const value = await work(session);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      if (owned) await pool.end();
    },
  });
}
