import { openTestPostgres } from '../testing/test-databases';
import { runDemoSeedSuite } from './demo-seed.suite';

runDemoSeedSuite('postgres', () => openTestPostgres('demo_seed', 2));
