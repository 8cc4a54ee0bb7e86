import { ConfigError, envVar, loadConfig, withDevOnlyDefaults } from '@va/config';
import { DEV_ONLY_FIELD_KEYRING, fieldCipherFromConfig, fieldKeyringShape } from '../crypto';
import { migrate } from '../migrations/migration.runner';
import { createPostgresDatabase } from '../sql/postgres.database';
import { seedDemo } from './demo.seed';

/** Given by `npm run db:seed`: with no keys configured, encrypt under the public DEV-ONLY key. */
const DEV_KEYS_FLAG = '--dev-only-keys-when-unset';

/**
 * `npm run db:seed`: migrates DATABASE_URL, loads the demo tenants (safe to repeat) and prints
 * the report, including the sandbox-only demo API keys, as JSON.
 */
async function main(): Promise<void> {
  const { env, applied } = withDevOnlyDefaults(process.argv.includes(DEV_KEYS_FLAG) ? DEV_ONLY_FIELD_KEYRING : {});
  if (applied.length > 0) process.stderr.write("db:seed: DATA_ENCRYPTION_KEYS is not set; encrypting with the fixed DEV-ONLY key 'dev1' (public, never for real data)\n");
  const config = loadConfig({ DATABASE_URL: envVar.postgresUrl(), ...fieldKeyringShape }, env);
  const cipher = fieldCipherFromConfig(config);
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
