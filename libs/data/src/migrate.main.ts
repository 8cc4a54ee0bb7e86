import { ConfigError, envVar, loadConfig } from '@va/config';
import { migrate } from './migrations/migration.runner';
import { createPostgresDatabase } from './sql/postgres.database';

/** `npm run db:migrate`: brings DATABASE_URL's schema to the newest version; safe to repeat. */
async function main(): Promise<void> {
  const config = loadConfig({ DATABASE_URL: envVar.postgresUrl() });
  const db = createPostgresDatabase({ connectionString: config.DATABASE_URL, max: 1 });
  try {
    const report = await migrate(db);
    process.stdout.write(`${JSON.stringify({ applied: report.applied, alreadyApplied: report.alreadyApplied })}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`db:migrate failed: ${message}\n`);
  process.exit(1);
});
