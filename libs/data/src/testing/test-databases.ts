import { createTestDatabase, requirePostgres } from '@va/testing';
import { createEmbeddedDatabase } from '../sql/embedded.database';
import { createPostgresDatabase } from '../sql/postgres.database';
import type { SqlDatabase } from '../sql/sql.database';

/** A database for one test suite, and how to throw it away. */
export interface DisposableDatabase {
  readonly db: SqlDatabase;
  dispose(): Promise<void>;
}

/** A fresh database on the real Postgres server (fails with how to start it when absent). */
export async function openTestPostgres(label: string, maxConnections = 4): Promise<DisposableDatabase> {
  await requirePostgres();
  const database = await createTestDatabase(label);
  const db = createPostgresDatabase({ connectionString: database.url, max: maxConnections });
  return {
    db,
    dispose: async () => {
      await db.close();
      await database.drop();
    },
  };
}

/** A fresh in-memory embedded database (PGlite). */
export async function openTestEmbedded(): Promise<DisposableDatabase> {
  const db = await createEmbeddedDatabase();
  return { db, dispose: () => db.close() };
}
