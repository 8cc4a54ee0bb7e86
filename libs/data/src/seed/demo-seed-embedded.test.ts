import { openTestEmbedded } from '../testing/test-databases';
import { runDemoSeedSuite } from './demo-seed.suite';

runDemoSeedSuite('embedded (PGlite)', openTestEmbedded);
