/**
 * Where the tests find the real infrastructure. Defaults match `npm run infra:up`; the
 * VA_TEST_* variables point the suite at other servers. This is the test harness's only
 * reader of the environment.
 */
export interface TestInfra {
  readonly kafkaBrokers: readonly string[];
  readonly databaseUrl: string;
  readonly redisUrl: string;
}

const DEFAULT_KAFKA_BROKERS = '127.0.0.1:19092';
const DEFAULT_DATABASE_URL = 'postgres://va:va@127.0.0.1:15432/va';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:16379';

function readVariable(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export const testInfra: TestInfra = Object.freeze({
  kafkaBrokers: Object.freeze(
    readVariable('VA_TEST_KAFKA_BROKERS', DEFAULT_KAFKA_BROKERS)
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker.length > 0),
  ),
  databaseUrl: readVariable('VA_TEST_DATABASE_URL', DEFAULT_DATABASE_URL),
  redisUrl: readVariable('VA_TEST_REDIS_URL', DEFAULT_REDIS_URL),
});

export const START_INFRA_HINT =
  'start the local infrastructure with "npm run infra:up" (npm test does this itself)';
