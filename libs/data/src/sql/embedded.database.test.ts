import { runDatabaseSuite } from '../testing/database.suite';
import { openTestEmbedded } from '../testing/test-databases';

runDatabaseSuite('embedded (PGlite)', openTestEmbedded);
