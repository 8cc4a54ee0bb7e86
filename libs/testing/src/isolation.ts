import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testInfra } from './test-infra.config';

/** A topic prefix no other test run shares, so suites can run in parallel on one broker. */
export function uniqueTopicPrefix(label: string): string {
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 20);
  return `t-${safeLabel}-${randomBytes(4).toString('hex')}.`;
}

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test Postgres server; drop() removes it. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `t_${label.toLowerCase().replace(/[^a-z0-9]/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  await runAdminStatement(`CREATE DATABASE "${name}"`);
  const url = new URL(testInfra.databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => runAdminStatement(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function runAdminStatement(sql: string): Promise<void> {
  const client = new Client({ connectionString: testInfra.databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
