import type { SqlSession } from '@va/data';
import type { JsonObject, ToolErrorCode, ToolOutcome } from '../tools/tool.definition';

type StoredRow = { readonly tool_name: string; readonly outcome: 'ok' | 'error'; readonly result: JsonObject };

/**
 * The idempotency record of side-effecting tools, in the tool's own transaction. `claim`
 * inserts the key first: a concurrent identical request waits on it until this transaction
 * ends, then finds the stored outcome, so exactly one effect happens.
 */
export const InvocationStore = {
  async claim(session: SqlSession, input: { tenantId: string; callId: string; toolName: string; idempotencyKey: string; args: unknown }): Promise<string | undefined> {
    const claimed = await session.query<{ id: string }>(
      `INSERT INTO tool_invocations (tenant_id, call_id, tool_name, idempotency_key, arguments, outcome, result)
       VALUES ($1, $2, $3, $4, $5, 'ok', '{}'::json)
       ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING id`,
      [input.tenantId, input.callId, input.toolName, input.idempotencyKey, JSON.stringify(input.args)],
    );
    return claimed.rows[0]?.id;
  },

  async stored(session: SqlSession, idempotencyKey: string): Promise<{ toolName: string; outcome: ToolOutcome } | undefined> {
    const found = await session.query<StoredRow>('SELECT tool_name, outcome, result FROM tool_invocations WHERE idempotency_key = $1', [idempotencyKey]);
    const row = found.rows[0];
    if (row === undefined) return undefined;
    return { toolName: row.tool_name, outcome: fromStored(row) };
  },

  async record(session: SqlSession, invocationId: string, outcome: ToolOutcome): Promise<void> {
    const stored = outcome.kind === 'ok' ? outcome.result : { code: outcome.code, message: outcome.message, retryable: outcome.retryable, details: outcome.details ?? null };
    await session.query('UPDATE tool_invocations SET outcome = $2, result = $3 WHERE id = $1', [invocationId, outcome.kind, JSON.stringify(stored)]);
  },
};

function fromStored(row: StoredRow): ToolOutcome {
  if (row.outcome === 'ok') return { kind: 'ok', result: row.result };
  const error = row.result as unknown as { code: ToolErrorCode; message: string; retryable: boolean; details: JsonObject | null };
  return error.details === null
    ? { kind: 'error', code: error.code, message: error.message, retryable: error.retryable }
    : { kind: 'error', code: error.code, message: error.message, retryable: error.retryable, details: error.details };
}
