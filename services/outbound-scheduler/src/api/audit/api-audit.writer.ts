import type { SqlSession } from '@va/data';
import { type ApiCaller, auditActor } from '../auth/api.caller';

export interface ApiAuditEntry {
  readonly action: string;
  readonly subject: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** One audit_log row for a change made through the API, in the change's own transaction. */
export async function writeApiAudit(session: SqlSession, caller: ApiCaller, entry: ApiAuditEntry): Promise<void> {
  await session.query(`INSERT INTO audit_log (tenant_id, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)`, [
    caller.tenantId,
    auditActor(caller),
    entry.action,
    entry.subject,
    JSON.stringify(entry.detail ?? {}),
  ]);
}
