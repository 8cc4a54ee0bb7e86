import { openTestPostgres } from '@va/data/testing';
import { runToolsSuite } from './tools.suite';

runToolsSuite('postgres', () => openTestPostgres('tools_suite'));
