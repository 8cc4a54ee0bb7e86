import type { SqlSession } from '../sql/sql.database';

/** A table and its columns with their SQL types, as written in the schema. */
export interface RowsTarget {
  readonly table: string;
  readonly columns: Readonly<Record<string, string>>;
}

export type SeedRow = Readonly<Record<string, unknown>>;

/**
 * Inserts many rows in one statement (the rows travel as one JSON parameter, unpacked by
 * jsonb_to_recordset) and skips any row that already exists. Returns how many were new.
 * Table and column names come from code, never from input.
 */
export async function insertRows(session: SqlSession, target: RowsTarget, rows: readonly SeedRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const names = Object.keys(target.columns);
  const list = names.join(', ');
  const record = names.map((name) => `${name} ${target.columns[name]}`).join(', ');
  const result = await session.query(
    `INSERT INTO ${target.table} (${list})
     SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS r(${record})
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows)],
  );
  return result.rowCount;
}
