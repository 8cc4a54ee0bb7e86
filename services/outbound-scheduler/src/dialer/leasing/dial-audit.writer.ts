import type { SqlSession } from '@va/data';

export interface DialAuditEntry {
  readonly tenantId: string;
  readonly action: 'dial' | 'skip' | 'defer' | 'complete' | 'callback';
  readonly attemptId: string;
  readonly at: Date;
  /** Reason, campaign, attempt number, outcome: never a phone number or a name. */
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

/** One audit_log row for a dialling decision, in the decision's transaction. */
export async function writeDialAudit(session: SqlSession, entry: DialAuditEntry): Promise<void> {
  await session.query(
    `INSERT INTO audit_log (tenant_id, occurred_at, actor, action, subject, detail) VALUES ($1, $2, 'dialer', $3, $4, $5)`,
    [entry.tenantId, entry.at.toISOString(), entry.action, entry.attemptId, JSON.stringify(entry.detail)],
  );
}
