import type { ChatTurn } from './chat-turn.plan';

/** The non-streaming `chat.completion` object for a planned turn. */
export function chatCompletionBody(turn: ChatTurn): Record<string, unknown> {
  const content = turn.contentPieces.join('');
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: turn.toolCalls.length > 0 && content === '' ? null : content,
    refusal: null,
    annotations: [],
  };
  if (turn.toolCalls.length > 0) {
    message['tool_calls'] = turn.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.argumentPieces.join('') },
    }));
  }
  return {
    id: turn.id,
    object: 'chat.completion',
    created: turn.created,
    model: turn.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: turn.finishReason }],
    usage: turn.usage,
    service_tier: 'default',
    system_fingerprint: turn.systemFingerprint,
  };
}
