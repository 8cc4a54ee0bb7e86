import { z } from 'zod';
import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { callerScope } from '../auth/caller.scope';
import { pageQueryShape, uuidSchema } from '../http/common.schemas';
import { decodeCursor, type Page, pageOf } from '../http/page.cursor';

export const listConsentsQuerySchema = z.strictObject({ ...pageQueryShape, clientId: uuidSchema.optional() });
export type ListConsentsQuery = z.infer<typeof listConsentsQuerySchema>;

interface ConsentRow {
  id: string;
  client_id: string;
  scope: string;
  granted: boolean;
  call_id: string | null;
  recorded_at: Date;
  sort_at: string;
}

function consentView(row: ConsentRow) {
  return { id: row.id, clientId: row.client_id, scope: row.scope, granted: row.granted, callId: row.call_id, recordedAt: new Date(row.recorded_at).toISOString() };
}

/** Consents recorded for the clients the caller may see, newest first. */
export async function listConsents(session: SqlSession, caller: ApiCaller, query: ListConsentsQuery): Promise<Page<ReturnType<typeof consentView>>> {
  const after = decodeCursor(query.cursor);
  const scope = callerScope(caller, 5).clientOwned('s');
  const found = await session.query<ConsentRow>(
    `SELECT s.id, s.client_id, s.scope, s.granted, s.call_id, s.recorded_at, to_json(s.recorded_at) #>> '{}' AS sort_at FROM consents s
      WHERE ($1::uuid IS NULL OR s.client_id = $1) AND ($2::timestamptz IS NULL OR (s.recorded_at, s.id) < ($2::timestamptz, $3::uuid))
        AND ${scope.sql}
      ORDER BY s.recorded_at DESC, s.id DESC LIMIT $4`,
    [query.clientId ?? null, after?.at ?? null, after?.id ?? null, query.limit + 1, ...scope.params],
  );
  return pageOf(found.rows, query.limit, (row) => ({ at: row.sort_at, id: row.id }), consentView);
}
