import { openTestEmbedded } from '@va/data/testing';
import { runToolsSuite } from './tools.suite';

runToolsSuite('embedded (PGlite)', openTestEmbedded);
