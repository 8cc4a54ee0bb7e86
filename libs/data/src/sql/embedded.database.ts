import { PGlite } from '@electric-sql/pglite';
import type { SqlDatabase } from './sql.database';
import { databaseOver } from './transactional.database';

/**
 * Embedded Postgres (PGlite, in this process): the embedded mode's database, running the same
 * migrations and passing the same repository suite as the server. In memory unless a data
 * directory is given.
 */
export async function createEmbeddedDatabase(dataDir?: string): Promise<SqlDatabase> {
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  return databaseOver({
    backend: 'embedded',
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async (text, params) => {
            // Without parameters, the simple protocol: it also runs a script of several
            // statements (a migration), as pg does; the last statement's rows are returned.
            if (params === undefined || params.length === 0) {
              const results = await tx.exec(text);
              const last = results[results.length - 1];
              return { rows: (last?.rows ?? []) as never[], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
            }
            const result = await tx.query(text, [...params]);
            return { rows: result.rows as never[], rowCount: result.affectedRows ?? result.rows.length };
          },
        }),
      ),
    close: () => db.close(),
  });
}
