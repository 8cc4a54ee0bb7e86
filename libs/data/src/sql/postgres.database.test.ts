import { createTestDatabase, requirePostgres } from '@va/testing';
import { runDatabaseSuite } from '../testing/database.suite';
import { createPostgresDatabase } from './postgres.database';

runDatabaseSuite('postgres', async () => {
  await requirePostgres();
  const database = await createTestDatabase('data_suite');
  const db = createPostgresDatabase({ connectionString: database.url, max: 4 });
  return {
    db,
    dispose: async () => {
      await db.close();
      await database.drop();
    },
  };
});
