import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { createTestDatabase, requirePostgres } from '@va/testing';
import { generateFieldKey } from '../crypto';

const run = promisify(execFile);
const MAIN = join(__dirname, 'seed.main.js');

interface PrintedReport {
  readonly insertedRows: number;
  readonly brokerage: { readonly counts: { readonly clients: number; readonly dnc_entries: number }; readonly apiKeys: readonly { role: string; key: string }[] };
  readonly clinic: { readonly counts: { readonly kb_entries: number } };
}

describe('npm run db:seed (the command)', () => {
  it('migrates and seeds, prints the report with the demo keys, and adds nothing the second time', async () => {
    await requirePostgres();
    const database = await createTestDatabase('seed_command');
    try {
      const env = { DATABASE_URL: database.url, DATA_ENCRYPTION_KEYS: `k1:${generateFieldKey()}`, DATA_ENCRYPTION_ACTIVE_KEY_ID: 'k1' };
      const first = JSON.parse((await run(process.execPath, [MAIN], { env })).stdout) as PrintedReport;
      assert.ok(first.insertedRows > 0);
      assert.equal(first.brokerage.counts.clients, 200);
      assert.equal(first.brokerage.counts.dnc_entries, 10);
      assert.equal(first.clinic.counts.kb_entries, 12);
      assert.deepEqual(first.brokerage.apiKeys.map((key) => key.role).sort(), ['admin', 'auditor', 'broker']);
      const second = JSON.parse((await run(process.execPath, [MAIN], { env })).stdout) as PrintedReport;
      assert.equal(second.insertedRows, 0);
      assert.deepEqual(second.brokerage, first.brokerage);
    } finally {
      await database.drop();
    }
  });

  it('stops, naming the variable and not showing its value, when the encryption keys are missing or malformed', async () => {
    const env = { DATABASE_URL: 'postgres://va:va@127.0.0.1:1/none' };
    await assert.rejects(run(process.execPath, [MAIN], { env }), (error: { stderr?: string; code?: number }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr ?? '', /DATA_ENCRYPTION_KEYS/);
      return true;
    });
    await assert.rejects(run(process.execPath, [MAIN, '--dev-only-keys-when-unset'], { env }), (error: { stderr?: string; code?: number }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr ?? '', /DEV-ONLY key 'dev1'/, 'the flag supplies the public key, loudly');
      assert.doesNotMatch(error.stderr ?? '', /db:seed failed: .*DATA_ENCRYPTION_KEYS/, 'the keys are accepted; the dead database is what fails');
      return true;
    });
    const malformed = 'k1:c2hvcnQ=';
    await assert.rejects(
      run(process.execPath, [MAIN], { env: { ...env, DATA_ENCRYPTION_KEYS: malformed, DATA_ENCRYPTION_ACTIVE_KEY_ID: 'k1' } }),
      (error: { stderr?: string; code?: number }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr ?? '', /DATA_ENCRYPTION_KEYS/);
        assert.ok(!(error.stderr ?? '').includes('c2hvcnQ='), 'the key material is not printed');
        return true;
      },
    );
  });
});
