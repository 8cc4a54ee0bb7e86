import { createEmbeddedDatabase } from '../sql/embedded.database';
import { runDemoSeedSuite } from './demo-seed.suite';

runDemoSeedSuite('embedded (PGlite)', async () => {
  const db = await createEmbeddedDatabase();
  return { db, dispose: () => db.close() };
});
