import { openTestEmbedded } from '@va/data/testing';
import { runBrokerApiSuite } from './broker-api.suite';

runBrokerApiSuite('embedded', openTestEmbedded);
