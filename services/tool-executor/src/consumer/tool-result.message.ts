import type { MessageInit, ToolRequest } from '@va/contracts';
import type { ToolOutcome } from '../tools/tool.definition';

/** The tool.result message answering `request` with `outcome`. */
export function toolResultMessage(request: ToolRequest, outcome: ToolOutcome): MessageInit<'tool.result'> {
  const base = { callId: request.callId, requestId: request.requestId, toolName: request.toolName };
  if (outcome.kind === 'ok') return { ...base, outcome: { case: 'resultJson', value: JSON.stringify(outcome.result) } };
  return {
    ...base,
    outcome: {
      case: 'error',
      value: {
        code: outcome.code,
        message: outcome.message,
        retryable: outcome.retryable,
        detailsJson: outcome.details === undefined ? '' : JSON.stringify(outcome.details),
      },
    },
  };
}
