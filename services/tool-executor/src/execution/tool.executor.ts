import type { FieldCipher, SqlDatabase } from '@va/data';
import type { ToolCatalog } from '../tools/tool.catalog';
import { ToolResult, type ToolOutcome, type ToolRunContext } from '../tools/tool.definition';
import { parseToolArguments } from './arguments.parser';
import { InvocationStore } from './invocation.store';
import type { ToolRequestInput } from './tool-request';

export interface ToolExecutorDeps {
  readonly db: SqlDatabase;
  readonly catalog: ToolCatalog;
  readonly clock: () => Date;
  readonly cipher: FieldCipher;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_KEY_LENGTH = 200;

/**
 * Runs one tool request: unknown tools and bad arguments get structured errors with nothing
 * written; a side-effecting tool runs in one tenant-scoped transaction together with its
 * idempotency record, so redelivery, retries and concurrent duplicates yield one effect and
 * the same outcome. Database errors propagate (the consumer decides retry or not).
 */
export async function executeToolRequest(input: ToolRequestInput, deps: ToolExecutorDeps): Promise<ToolOutcome> {
  const tool = deps.catalog.get(input.toolName);
  if (tool === undefined) {
    return ToolResult.error('unknown_tool', 'there is no tool by that name', { availableTools: deps.catalog.names() });
  }
  if (!UUID.test(input.tenantId)) return ToolResult.error('validation_failed', 'the request has no valid tenant');
  const parsed = parseToolArguments(tool.arguments, input.argumentsJson);
  if (!parsed.ok) return parsed.outcome;
  if (tool.sideEffects && (input.idempotencyKey.trim() === '' || input.idempotencyKey.length > MAX_KEY_LENGTH)) {
    return ToolResult.error('validation_failed', 'a side-effecting tool needs an idempotency key');
  }

  return deps.db.inTenant(input.tenantId, async (session) => {
    const context: ToolRunContext = { session, cipher: deps.cipher, tenantId: input.tenantId, callId: input.callId, turnId: input.turnId, now: deps.clock() };
    if (!tool.sideEffects) return tool.run(parsed.value, context);
    const args = tool.recordedArguments === undefined ? parsed.value : tool.recordedArguments(parsed.value);
    const claim = { tenantId: input.tenantId, callId: input.callId, toolName: tool.name, idempotencyKey: input.idempotencyKey, args };
    const invocationId = await InvocationStore.claim(session, claim);
    if (invocationId === undefined) {
      const stored = await InvocationStore.stored(session, input.idempotencyKey);
      if (stored === undefined) throw new Error('idempotency record vanished');
      if (stored.toolName !== tool.name) return ToolResult.error('validation_failed', 'the idempotency key was already used for another tool');
      return stored.outcome;
    }
    const outcome = await tool.run(parsed.value, context);
    await InvocationStore.record(session, invocationId, outcome);
    return outcome;
  });
}
