import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import Redis from 'ioredis';
import { START_INFRA_HINT, testInfra } from './test-infra.config';

const REACH_TIMEOUT_MS = 5_000;

/** Thrown when a server the suite needs is absent; a failure, never a skip. */
export class InfraUnavailableError extends Error {
  constructor(server: string, address: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`${server} is not reachable at ${address} (${detail}): ${START_INFRA_HINT}`);
    this.name = 'InfraUnavailableError';
  }
}

async function withTimeout<T>(work: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} timed out after ${REACH_TIMEOUT_MS} ms`)), REACH_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function requireKafka(): Promise<void> {
  const admin = new Kafka({
    clientId: 'va-test-probe',
    brokers: [...testInfra.kafkaBrokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 1 },
    connectionTimeout: 2_000,
  }).admin();
  try {
    await withTimeout(
      admin.connect().then(() => admin.listTopics()),
      'Kafka metadata request',
    );
  } catch (error) {
    throw new InfraUnavailableError('Kafka', testInfra.kafkaBrokers.join(','), error);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function requirePostgres(): Promise<void> {
  const client = new Client({ connectionString: testInfra.databaseUrl, connectionTimeoutMillis: 2_000 });
  try {
    await withTimeout(
      client.connect().then(() => client.query('SELECT 1')),
      'Postgres query',
    );
  } catch (error) {
    throw new InfraUnavailableError('Postgres', redactCredentials(testInfra.databaseUrl), error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function requireRedis(): Promise<void> {
  const client = new Redis(testInfra.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2_000,
  });
  try {
    await withTimeout(
      client.connect().then(() => client.ping()),
      'Redis PING',
    );
  } catch (error) {
    throw new InfraUnavailableError('Redis', testInfra.redisUrl, error);
  } finally {
    client.disconnect();
  }
}

function redactCredentials(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
