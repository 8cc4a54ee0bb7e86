import { createHash } from 'node:crypto';
import { APPLICATION_ROLE, type SqlDatabase, type SqlSession } from '../sql/sql.database';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations.list';

export interface MigrationReport {
  readonly applied: readonly number[];
  readonly alreadyApplied: readonly number[];
}

/** An applied migration whose text changed since: the schema and the code disagree. */
export class MigrationDriftError extends Error {
  constructor(readonly version: number) {
    super(`migration ${version} was applied with different text; never edit an applied migration, add a new one`);
    this.name = 'MigrationDriftError';
  }
}

/** The application role cannot be created or joined by the migrating user. */
export class ApplicationRoleError extends Error {
  constructor(detail: string) {
    super(
      `the database role ${APPLICATION_ROLE} is missing or not granted to the migrating user (${detail}); ` +
        `as a superuser run: CREATE ROLE ${APPLICATION_ROLE} NOLOGIN; GRANT ${APPLICATION_ROLE} TO <migrating user>;`,
    );
    this.name = 'ApplicationRoleError';
  }
}

const LOCK_KEY = 'voice-agent.migrations';

function checksumOf(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

/**
 * Brings the schema to the newest version: pending migrations run in version order, in one
 * transaction under an advisory lock, so services starting together migrate once and a failed
 * migration leaves nothing half applied. Safe to run any number of times.
 */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  return db.asOwner(async (session) => {
    await session.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK_KEY]);
    await ensureApplicationRole(session);
    await session.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const existing = await session.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations');
    const appliedChecksums = new Map(existing.rows.map((row) => [row.version, row.checksum]));
    const applied: number[] = [];
    const alreadyApplied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      const checksum = checksumOf(migration);
      const known = appliedChecksums.get(migration.version);
      if (known !== undefined) {
        if (known !== checksum) throw new MigrationDriftError(migration.version);
        alreadyApplied.push(migration.version);
        continue;
      }
      await session.query(migration.sql);
      await session.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, checksum]);
      applied.push(migration.version);
    }
    return { applied, alreadyApplied };
  });
}

/** The application role exists and the migrating user may switch to it (SET ROLE). */
async function ensureApplicationRole(session: SqlSession): Promise<void> {
  try {
    const role = await session.query<{ exists: boolean }>('SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists', [APPLICATION_ROLE]);
    if (role.rows[0]?.exists !== true) await session.query(`CREATE ROLE ${APPLICATION_ROLE} NOLOGIN`);
    const member = await session.query<{ member: boolean }>(`SELECT pg_has_role(current_user, $1, 'MEMBER') AS member`, [APPLICATION_ROLE]);
    if (member.rows[0]?.member !== true) await session.query(`GRANT ${APPLICATION_ROLE} TO CURRENT_USER`);
  } catch (error) {
    throw new ApplicationRoleError(error instanceof Error ? error.message : String(error));
  }
}
