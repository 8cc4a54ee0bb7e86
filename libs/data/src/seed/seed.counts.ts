import type { SqlSession } from '../sql/sql.database';
import { COUNTED_TABLES, type CountedTable } from './seed.tables';

/** Rows per table that belong to the tenant, in one statement. */
export async function countTenantRows(session: SqlSession, tenantId: string): Promise<Record<CountedTable, number>> {
  const union = COUNTED_TABLES.map((table) => `SELECT '${table}' AS name, count(*)::int AS n FROM ${table} WHERE tenant_id = $1`).join(' UNION ALL ');
  const result = await session.query<{ name: CountedTable; n: number }>(union, [tenantId]);
  const counts = Object.fromEntries(COUNTED_TABLES.map((table) => [table, 0])) as Record<CountedTable, number>;
  for (const row of result.rows) counts[row.name] = Number(row.n);
  return counts;
}
