import { messageText, type ChatRequest } from './chat-request.schema';

/** Decides whether a script entry answers a request. */
export type ChatMatcher = (request: ChatRequest) => boolean;

function lastUserText(request: ChatRequest): string | undefined {
  const message = request.messages.findLast((candidate) => candidate.role === 'user');
  return message === undefined ? undefined : messageText(message);
}

/** The last message with role "user" contains `text` (case-insensitive). */
export function lastUserMessageContains(text: string): ChatMatcher {
  const wanted = text.toLowerCase();
  return (request) => lastUserText(request)?.toLowerCase().includes(wanted) ?? false;
}

/** The last message with role "user" matches `pattern`. */
export function lastUserMessageMatches(pattern: RegExp): ChatMatcher {
  return (request) => {
    const text = lastUserText(request);
    if (text === undefined) return false;
    pattern.lastIndex = 0;
    return pattern.test(text);
  };
}

/** The request offers a function tool with this name. */
export function offersTool(name: string): ChatMatcher {
  return (request) => (request.tools ?? []).some((tool) => tool.function.name === name);
}

/**
 * The conversation ends with a tool result (the follow-up request after a tool call); with a
 * name, only a result of a call to that function.
 */
export function lastMessageIsToolResult(name?: string): ChatMatcher {
  return (request) => {
    const last = request.messages.at(-1);
    if (last?.role !== 'tool') return false;
    if (name === undefined) return true;
    return request.messages.some(
      (message) => message.role === 'assistant' && (message.tool_calls ?? []).some((call) => call.id === last.tool_call_id && call.function.name === name),
    );
  };
}

/** The conversation ends with a user message (not a tool result). */
export function lastMessageIsFromUser(): ChatMatcher {
  return (request) => request.messages.at(-1)?.role === 'user';
}

export function always(): ChatMatcher {
  return () => true;
}

export function allOf(...matchers: readonly ChatMatcher[]): ChatMatcher {
  return (request) => matchers.every((matcher) => matcher(request));
}
