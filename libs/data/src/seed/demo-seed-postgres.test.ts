import { createTestDatabase, requirePostgres } from '@va/testing';
import { createPostgresDatabase } from '../sql/postgres.database';
import { runDemoSeedSuite } from './demo-seed.suite';

runDemoSeedSuite('postgres', async () => {
  await requirePostgres();
  const database = await createTestDatabase('demo_seed');
  const db = createPostgresDatabase({ connectionString: database.url, max: 2 });
  return {
    db,
    dispose: async () => {
      await db.close();
      await database.drop();
    },
  };
});
