import type { ChatTurn } from './chat-turn.plan';

type Delta = Record<string, unknown>;

/**
 * The SSE body of a streamed turn, grouped into the writes the stand-in paces: the role chunk
 * travels with the first token (that is when a real model produces it), then one write per
 * content token or argument fragment, then finish_reason, the usage chunk (with
 * stream_options.include_usage) and `[DONE]` together.
 */
export function chatCompletionChunkGroups(turn: ChatTurn, includeUsage: boolean): string[] {
  const chunk = (delta: Delta, finishReason: string | null = null): string =>
    event({
      id: turn.id,
      object: 'chat.completion.chunk',
      created: turn.created,
      model: turn.model,
      service_tier: 'default',
      system_fingerprint: turn.systemFingerprint,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(includeUsage ? { usage: null } : {}),
    });
  const groups: string[] = [];
  // A text turn opens with a role chunk of its own; a tool-only turn carries the role in the
  // first tool-call delta.
  const opensWithText = turn.contentPieces.length > 0 || turn.toolCalls.length === 0;
  let head = opensWithText ? chunk({ role: 'assistant', content: '', refusal: null }) : '';
  for (const piece of turn.contentPieces) {
    groups.push(head + chunk({ content: piece }));
    head = '';
  }
  turn.toolCalls.forEach((call, index) => {
    const opening = { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } };
    const roleFields = !opensWithText && index === 0 ? { role: 'assistant', content: null } : {};
    groups.push(chunk({ ...roleFields, tool_calls: [opening] }));
    for (const piece of call.argumentPieces) groups.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  let tail = head + chunk({}, turn.finishReason);
  if (includeUsage) {
    tail += event({
      id: turn.id,
      object: 'chat.completion.chunk',
      created: turn.created,
      model: turn.model,
      service_tier: 'default',
      system_fingerprint: turn.systemFingerprint,
      choices: [],
      usage: turn.usage,
    });
  }
  groups.push(`${tail}data: [DONE]\n\n`);
  return groups;
}

function event(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}
