import { openTestPostgres } from '@va/data/testing';
import { runBrokerApiSuite } from './broker-api.suite';

runBrokerApiSuite('postgres', () => openTestPostgres('broker_api', 6));
