import { ConfigError, envVar, loadConfig } from '@va/config';
import { z } from 'zod';
import { FieldKeyringError, parseFieldKeyring, type FieldCipher } from '../crypto';
import { migrate } from '../migrations/migration.runner';
import { createPostgresDatabase } from '../sql/postgres.database';
import { seedDemo } from './demo.seed';

/** The keyring from the environment; its errors name the variables, never key material. */
function keyringFrom(keys: string, activeKeyId: string): FieldCipher {
  try {
    return parseFieldKeyring({ keys, activeKeyId });
  } catch (error) {
    if (error instanceof FieldKeyringError) throw new Error(`DATA_ENCRYPTION_KEYS / DATA_ENCRYPTION_ACTIVE_KEY_ID: ${error.message}`);
    throw error;
  }
}

/**
 * `npm run db:seed`: migrates DATABASE_URL, loads the demo tenants (safe to repeat) and prints
 * the report, including the sandbox-only demo API keys, as JSON.
 */
async function main(): Promise<void> {
  const config = loadConfig({
    DATABASE_URL: envVar.postgresUrl(),
    DATA_ENCRYPTION_KEYS: envVar.secret(),
    DATA_ENCRYPTION_ACTIVE_KEY_ID: z.string().trim().min(1, 'expected a key id'),
  });
  const cipher = keyringFrom(config.DATA_ENCRYPTION_KEYS, config.DATA_ENCRYPTION_ACTIVE_KEY_ID);
  const db = createPostgresDatabase({ connectionString: config.DATABASE_URL, max: 1 });
  try {
    await migrate(db);
    const report = await seedDemo(db, cipher);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`db:seed failed: ${message}\n`);
  process.exit(1);
});
