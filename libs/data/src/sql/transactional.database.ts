import { enterApplicationScope, type SqlDatabase, type SqlSession } from './sql.database';

/** What a backend provides: one transaction around `work`, committed on success, rolled back on a throw. */
export interface TransactionRunner {
  readonly backend: SqlDatabase['backend'];
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The scoping rules of SqlDatabase, written once over any backend's transactions. */
export function databaseOver(runner: TransactionRunner): SqlDatabase {
  return {
    backend: runner.backend,
    inTenant: (tenantId, work) =>
      runner.transaction(async (session) => {
        await enterApplicationScope(session, tenantId);
        return work(session);
      }),
    withoutTenant: (work) =>
      runner.transaction(async (session) => {
        await enterApplicationScope(session, null);
        return work(session);
      }),
    asOwner: (work) => runner.transaction(work),
    close: () => runner.close(),
  };
}
