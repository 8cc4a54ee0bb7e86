import { runDatabaseSuite } from '../testing/database.suite';
import { openTestPostgres } from '../testing/test-databases';

runDatabaseSuite('postgres', () => openTestPostgres('data_suite'));
