import { Outcome, type HandlerOutcome } from '@va/bus';
import type { MessageInit, ToolRequest } from '@va/contracts';
import { isTransientDatabaseError } from '@va/data';
import type { Logger } from '@va/observability';
import { executeToolRequest, type ToolExecutorDeps } from '../execution/tool.executor';
import { ToolResult, type ToolOutcome } from '../tools/tool.definition';
import { toolResultMessage } from './tool-result.message';

export interface ToolRequestHandlerDeps extends ToolExecutorDeps {
  readonly logger: Logger;
  publishResult(message: MessageInit<'tool.result'>): Promise<void>;
}

/**
 * One tool.request → one tool.result. The database's momentary trouble is retried in place
 * (the executor is idempotent); any other failure still answers the agent, with a retryable
 * `unavailable` error, so a call never waits on a tool that will not come back.
 */
export async function handleToolRequest(request: ToolRequest, deps: ToolRequestHandlerDeps): Promise<HandlerOutcome> {
  let outcome: ToolOutcome;
  try {
    outcome = await executeToolRequest(
      {
        tenantId: request.tenantId,
        callId: request.callId,
        turnId: request.turnId,
        toolName: request.toolName,
        argumentsJson: request.argumentsJson,
        idempotencyKey: request.idempotencyKey,
      },
      deps,
    );
  } catch (error) {
    if (isTransientDatabaseError(error)) return Outcome.retry('database temporarily unavailable');
    deps.logger.error('tool failed unexpectedly', { tool: request.toolName, callId: request.callId, error });
    outcome = ToolResult.error('unavailable', 'the tool failed; try again or offer a callback', undefined, true);
  }
  deps.logger.info('tool answered', { tool: request.toolName, callId: request.callId, outcome: outcome.kind === 'ok' ? 'ok' : outcome.code });
  try {
    await deps.publishResult(toolResultMessage(request, outcome));
  } catch {
    return Outcome.retry('could not publish the tool result');
  }
  return Outcome.ok();
}
