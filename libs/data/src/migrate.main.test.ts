import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { createTestDatabase, requirePostgres } from '@va/testing';
import { MIGRATIONS } from './migrations/migrations.list';

const run = promisify(execFile);
const MAIN = join(__dirname, 'migrate.main.js');

describe('npm run db:migrate (the command)', () => {
  it('applies the migrations once, then finds nothing to do', async () => {
    await requirePostgres();
    const database = await createTestDatabase('migrate_command');
    try {
      const env = { DATABASE_URL: database.url };
      const versions = MIGRATIONS.map((migration) => migration.version);
      assert.ok(versions.length >= 1);
      const first = await run(process.execPath, [MAIN], { env });
      assert.deepEqual(JSON.parse(first.stdout), { applied: versions, alreadyApplied: [] });
      const second = await run(process.execPath, [MAIN], { env });
      assert.deepEqual(JSON.parse(second.stdout), { applied: [], alreadyApplied: versions });
    } finally {
      await database.drop();
    }
  });

  it('stops with a message naming DATABASE_URL when it is malformed', async () => {
    await assert.rejects(run(process.execPath, [MAIN], { env: { DATABASE_URL: 'not-a-url' } }), (error: { stderr?: string; code?: number }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr ?? '', /DATABASE_URL/);
      return true;
    });
  });
});
