import { z } from 'zod';
import type { SqlSession } from '@va/data';
import { redactPhi } from '@va/observability';
import type { ApiCaller } from '../auth/api.caller';
import { pageQueryShape } from '../http/common.schemas';
import { decodeCursor, type Page, pageOf } from '../http/page.cursor';

export const listAuditQuerySchema = z.strictObject({ ...pageQueryShape, action: z.string().min(1).max(100).optional() });
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor: string;
  action: string;
  subject: string;
  detail: unknown;
  sort_at: string;
}

function auditView(caller: ApiCaller, row: AuditRow) {
  return {
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    detail: caller.role === 'auditor' ? redactPhi(row.detail) : row.detail,
  };
}

/** The tenant's audit trail, newest first; details PHI-redacted for auditors. */
export async function listAuditLog(session: SqlSession, caller: ApiCaller, query: ListAuditQuery): Promise<Page<ReturnType<typeof auditView>>> {
  const after = decodeCursor(query.cursor, 'integer');
  const found = await session.query<AuditRow>(
    `SELECT id::text AS id, occurred_at, actor, action, subject, detail, to_json(occurred_at) #>> '{}' AS sort_at FROM audit_log
      WHERE ($1::text IS NULL OR action = $1) AND ($2::timestamptz IS NULL OR (occurred_at, id) < ($2::timestamptz, $3::bigint))
      ORDER BY occurred_at DESC, id DESC LIMIT $4`,
    [query.action ?? null, after?.at ?? null, after?.id ?? null, query.limit + 1],
  );
  return pageOf(found.rows, query.limit, (row) => ({ at: row.sort_at, id: row.id }), (row) => auditView(caller, row));
}
