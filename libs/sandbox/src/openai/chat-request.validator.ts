import type { z } from 'zod';
import { chatRequestSchema, type ChatRequest } from './chat-request.schema';
import { openAiError, unparsableJsonError, type OpenAiErrorBody } from './openai-error.body';

export type ChatRequestCheck = { readonly ok: true; readonly request: ChatRequest } | { readonly ok: false; readonly error: OpenAiErrorBody };

/** Parses and validates a Chat Completions body, answering problems with OpenAI's 400 wording. */
export function validateChatRequest(body: Buffer): ChatRequestCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, error: unparsableJsonError() };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: openAiError("Invalid type for request body: expected an object, but got something else instead.", 'invalid_request_error', null, 'invalid_type') };
  }
  const parsed = chatRequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeIssue(raw, parsed.error.issues[0]) };
  const problem = crossFieldProblem(parsed.data);
  return problem ? { ok: false, error: problem } : { ok: true, request: parsed.data };
}

function describeIssue(raw: object, issue: z.core.$ZodIssue | undefined): OpenAiErrorBody {
  if (issue === undefined) return openAiError('Invalid request body.');
  const param = paramName(issue.path);
  const value = valueAt(raw, issue.path);
  if (value === undefined) {
    return openAiError(`Missing required parameter: '${param}'.`, 'invalid_request_error', param, 'missing_required_parameter');
  }
  if (issue.code === 'invalid_type') {
    return openAiError(`Invalid type for '${param}': expected ${issue.expected}, but got ${typeName(value)} instead.`, 'invalid_request_error', param, 'invalid_type');
  }
  if (issue.code === 'too_small' && Array.isArray(value) && value.length === 0) {
    return openAiError(`Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`, 'invalid_request_error', param, 'empty_array');
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = issue.code === 'too_small' ? `>= ${String(issue.minimum)}` : `<= ${String(issue.maximum)}`;
    return openAiError(`Invalid '${param}': expected a value ${bound}, but got ${JSON.stringify(value)} instead.`, 'invalid_request_error', param, 'invalid_value');
  }
  return openAiError(`Invalid value for '${param}': ${JSON.stringify(value)}.`, 'invalid_request_error', param, 'invalid_value');
}

/** The rules OpenAI enforces across fields; the tool-call pairing rules catch broken histories. */
function crossFieldProblem(request: ChatRequest): OpenAiErrorBody | undefined {
  if (request.stream_options && request.stream !== true) {
    return openAiError("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'invalid_request_error', 'stream_options', null);
  }
  const toolNames = new Set((request.tools ?? []).map((tool) => tool.function.name));
  if (request.tool_choice !== undefined && request.tools === undefined) {
    return openAiError("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", 'invalid_request_error', 'tool_choice', null);
  }
  if (request.parallel_tool_calls !== undefined && request.tools === undefined) {
    return openAiError("Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified.", 'invalid_request_error', 'parallel_tool_calls', null);
  }
  if (typeof request.tool_choice === 'object' && !toolNames.has(request.tool_choice.function.name)) {
    return openAiError(`Invalid value for 'tool_choice': no function named '${request.tool_choice.function.name}' was specified in the 'tools' parameter.`, 'invalid_request_error', 'tool_choice', null);
  }
  if (request.n !== undefined && request.n !== null && request.n !== 1) {
    return openAiError("Invalid value for 'n': the sandbox stand-in answers with exactly one choice.", 'invalid_request_error', 'n', 'invalid_value');
  }
  return toolHistoryProblem(request);
}

function toolHistoryProblem(request: ChatRequest): OpenAiErrorBody | undefined {
  const messages = request.messages;
  for (let index = 0; index < messages.length; index += 1) {
    const message = messages[index];
    if (message?.role === 'tool' && !answersPrecedingCall(messages, index, message.tool_call_id)) {
      return openAiError("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", 'invalid_request_error', `messages.[${index}].role`, null);
    }
    if (message?.role === 'assistant' && message.tool_calls && message.tool_calls.length > 0) {
      const answered = new Set<string>();
      for (let next = index + 1; next < messages.length; next += 1) {
        const follower = messages[next];
        if (follower?.role !== 'tool') break;
        answered.add(follower.tool_call_id);
      }
      const missing = message.tool_calls.map((call) => call.id).filter((id) => !answered.has(id));
      if (missing.length > 0) {
        return openAiError(
          `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${missing.join(', ')}`,
          'invalid_request_error',
          `messages.[${index}].role`,
          null,
        );
      }
    }
  }
  return undefined;
}

function answersPrecedingCall(messages: ChatRequest['messages'], toolIndex: number, callId: string): boolean {
  for (let index = toolIndex - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.role === 'tool') continue;
    return message?.role === 'assistant' && (message.tool_calls ?? []).some((call) => call.id === callId);
  }
  return false;
}

function paramName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name === '' ? String(key) : `${name}.${String(key)}`), '');
}

function valueAt(raw: object, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
