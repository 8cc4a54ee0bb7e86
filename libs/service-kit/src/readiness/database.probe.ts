import type { SqlDatabase } from '@va/data';
import type { DependencyProbe } from './dependency.probe';

/** Readiness of the database port (the embedded database in embedded mode). */
export function createDatabaseProbe(name: string, database: SqlDatabase): DependencyProbe {
  return {
    name,
    check: async () => {
      await database.asOwner((session) => session.query('SELECT 1'));
      return { ok: true, detail: `${database.backend} database answered SELECT 1` };
    },
  };
}
