import { runDatabaseSuite } from '../testing/database.suite';
import { createEmbeddedDatabase } from './embedded.database';

runDatabaseSuite('embedded (PGlite)', async () => {
  const db = await createEmbeddedDatabase();
  return { db, dispose: () => db.close() };
});
