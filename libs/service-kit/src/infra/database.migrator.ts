import { setTimeout as sleep } from 'node:timers/promises';
import { migrate, type SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import { errorFields } from '../logging/error.fields';
import type { DependencyProbe, ProbeResult } from '../readiness/dependency.probe';

export const MIGRATION_RETRY_POLICY = Object.freeze({ retryDelayMs: 2_000 });

/**
 * Brings the schema up to date at service start, retrying while the database is unreachable,
 * so a service whose database is down still starts, answers /health/live, and turns ready
 * once the database answers and is migrated (instead of crash-looping).
 */
export class DatabaseMigrator {
  private state: ProbeResult = { ok: false, detail: 'schema not migrated yet' };
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly database: SqlDatabase,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  /** Resolves once migrated (or stopped). */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  stop(): void {
    this.stopped = true;
  }

  get status(): ProbeResult {
    return this.state;
  }

  /** Readiness of the database: migrated, and answering now. */
  probe(name: string): DependencyProbe {
    return {
      name,
      check: async () => {
        if (!this.state.ok) return this.state;
        await this.database.asOwner((session) => session.query('SELECT 1'));
        return this.state;
      },
    };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const report = await migrate(this.database);
        this.state = { ok: true, detail: `migrated (applied ${report.applied.length}, already applied ${report.alreadyApplied.length})` };
        this.logger.info('database migrated', { applied: report.applied, alreadyApplied: report.alreadyApplied });
        return;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        this.state = { ok: false, detail: `schema not migrated: ${detail}` };
        this.logger.warn('database migration failed; retrying', { retryDelayMs: MIGRATION_RETRY_POLICY.retryDelayMs, ...errorFields(error) });
        await sleep(MIGRATION_RETRY_POLICY.retryDelayMs);
      }
    }
  }
}
