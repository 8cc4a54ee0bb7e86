import type { ChatRequest } from './chat-request.schema';
import type { ChatMatcher } from './chat.matchers';

/** One function call the scripted model makes; an object is serialised to JSON. */
export interface ScriptedToolCall {
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>> | string;
}

/** What the scripted model answers: text, tool calls, or text followed by tool calls. */
export type ChatReply =
  | { readonly content: string; readonly toolCalls?: readonly ScriptedToolCall[] }
  | { readonly content?: string; readonly toolCalls: readonly ScriptedToolCall[] };

export type ChatReplySource = ChatReply | ((request: ChatRequest) => ChatReply);

export interface ScriptEntryOptions {
  /** How many requests this entry answers before it is used up; absent: every match. */
  readonly times?: number;
}

interface ScriptEntry {
  readonly matcher: ChatMatcher;
  readonly reply: ChatReplySource;
  remaining: number | undefined;
}

export const DEFAULT_CHAT_REPLY: ChatReply = Object.freeze({ content: 'This is the sandbox assistant. I have no scripted answer for that.' });

/**
 * What the stand-in's model says. Entries are tried in the order they were added; the first
 * whose matcher accepts the request answers it. An entry whose reply calls a function the
 * request does not offer (or forbids with tool_choice "none") is passed over, as a real model
 * could not make that call; with no entry left, the default reply answers, so a request never
 * goes unanswered.
 */
export class ChatScript {
  private entries: ScriptEntry[] = [];

  constructor(private defaultReply: ChatReplySource = DEFAULT_CHAT_REPLY) {}

  reply(matcher: ChatMatcher, reply: ChatReplySource, options: ScriptEntryOptions = {}): this {
    if (options.times !== undefined && (!Number.isInteger(options.times) || options.times < 1)) {
      throw new RangeError('times must be a positive integer');
    }
    this.entries.push({ matcher, reply, remaining: options.times });
    return this;
  }

  setDefault(reply: ChatReplySource): this {
    this.defaultReply = reply;
    return this;
  }

  clear(): void {
    this.entries = [];
  }

  /** The reply to one request; counts it against the answering entry's `times`. */
  answer(request: ChatRequest): ChatReply {
    for (const entry of this.entries) {
      if (entry.remaining === 0 || !entry.matcher(request)) continue;
      const reply = resolve(entry.reply, request);
      if (!callsOnlyOfferedTools(reply, request)) continue;
      if (entry.remaining !== undefined) entry.remaining -= 1;
      return reply;
    }
    return resolve(this.defaultReply, request);
  }
}

function resolve(source: ChatReplySource, request: ChatRequest): ChatReply {
  return typeof source === 'function' ? source(request) : source;
}

function callsOnlyOfferedTools(reply: ChatReply, request: ChatRequest): boolean {
  const calls = reply.toolCalls ?? [];
  if (calls.length === 0) return true;
  if (request.tool_choice === 'none') return false;
  const offered = new Set((request.tools ?? []).map((tool) => tool.function.name));
  return calls.every((call) => offered.has(call.name));
}
