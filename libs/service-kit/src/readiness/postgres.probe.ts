import type { Pool } from 'pg';
import type { DependencyProbe } from './dependency.probe';

export function createPostgresProbe(pool: Pool): DependencyProbe {
  return {
    name: 'postgres',
    check: async () => {
      await pool.query('SELECT 1');
      return { ok: true, detail: 'SELECT 1 answered' };
    },
  };
}
