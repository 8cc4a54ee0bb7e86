import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { writeApiAudit } from '../audit/api-audit.writer';
import { phoneForRole } from '../calls/call.redaction';
import { ApiError } from '../http/api.errors';
import { decodeCursor, type Page, pageOf } from '../http/page.cursor';
import type { AddDncInput } from './dnc.schemas';

interface DncRow {
  phone_e164: string;
  source: string;
  call_id: string | null;
  created_at: Date;
  sort_at: string;
}

function dncView(caller: ApiCaller, row: DncRow) {
  return { phoneE164: phoneForRole(caller.role, row.phone_e164), source: row.source, callId: row.call_id, createdAt: new Date(row.created_at).toISOString() };
}

/** Puts a number on the tenant's do-not-call list (idempotent) and audits it. */
export async function addDncEntry(session: SqlSession, caller: ApiCaller, input: AddDncInput) {
  const added = await session.query(
    `INSERT INTO dnc_entries (tenant_id, phone_e164, source) VALUES ($1, $2, 'api') ON CONFLICT (tenant_id, phone_e164) DO NOTHING`,
    [caller.tenantId, input.phoneE164],
  );
  const alreadyListed = added.rowCount === 0;
  await writeApiAudit(session, caller, { action: 'dnc.added', subject: 'phone', detail: { phoneE164: input.phoneE164, alreadyListed, reason: input.reason ?? null } });
  const found = await session.query<DncRow>(`SELECT phone_e164, source, call_id, created_at, '' AS sort_at FROM dnc_entries WHERE phone_e164 = $1`, [input.phoneE164]);
  return { ...dncView(caller, found.rows[0] as DncRow), alreadyListed };
}

/** Takes a number off the list (admins only, checked by the caller) and audits it; 404 when it is not listed. */
export async function removeDncEntry(session: SqlSession, caller: ApiCaller, phone: string): Promise<{ removed: true; phoneE164: string }> {
  const removed = await session.query(`DELETE FROM dnc_entries WHERE phone_e164 = $1`, [phone]);
  if (removed.rowCount === 0) throw ApiError.notFound('do-not-call entry');
  await writeApiAudit(session, caller, { action: 'dnc.removed', subject: 'phone', detail: { phoneE164: phone } });
  return { removed: true, phoneE164: phone };
}

export async function listDnc(session: SqlSession, caller: ApiCaller, query: { limit: number; cursor?: string | undefined }): Promise<Page<ReturnType<typeof dncView>>> {
  const after = decodeCursor(query.cursor, 'text');
  const found = await session.query<DncRow>(
    `SELECT phone_e164, source, call_id, created_at, to_json(created_at) #>> '{}' AS sort_at FROM dnc_entries
      WHERE ($1::timestamptz IS NULL OR (created_at, phone_e164) < ($1::timestamptz, $2::text))
      ORDER BY created_at DESC, phone_e164 DESC LIMIT $3`,
    [after?.at ?? null, after?.id ?? null, query.limit + 1],
  );
  return pageOf(found.rows, query.limit, (row) => ({ at: row.sort_at, id: row.phone_e164 }), (row) => dncView(caller, row));
}
