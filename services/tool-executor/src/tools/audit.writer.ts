import type { SqlSession } from '@va/data';

export interface ToolAuditEntry {
  readonly tenantId: string;
  readonly action: string;
  readonly subject: string;
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

/** One audit_log row for a tool's side effect, in the tool's transaction. */
export async function writeToolAudit(session: SqlSession, entry: ToolAuditEntry): Promise<void> {
  await session.query(
    `INSERT INTO audit_log (tenant_id, actor, action, subject, detail) VALUES ($1, 'tool-executor', $2, $3, $4)`,
    [entry.tenantId, entry.action, entry.subject, JSON.stringify(entry.detail)],
  );
}
