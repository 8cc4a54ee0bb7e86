import { randomBytes } from 'node:crypto';
import { messageText, type ChatRequest } from './chat-request.schema';
import type { ChatReply } from './chat.script';
import { splitIntoTokens } from './reply.tokenizer';

export interface PlannedToolCall {
  readonly id: string;
  readonly name: string;
  /** The arguments JSON in the fragments it is streamed in; joined, the whole string. */
  readonly argumentPieces: readonly string[];
}

export interface ChatUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
  readonly prompt_tokens_details: { readonly cached_tokens: number; readonly audio_tokens: number };
  readonly completion_tokens_details: {
    readonly reasoning_tokens: number;
    readonly audio_tokens: number;
    readonly accepted_prediction_tokens: number;
    readonly rejected_prediction_tokens: number;
  };
}

/** One model turn, decided before anything is sent: the same plan feeds the JSON and the stream. */
export interface ChatTurn {
  readonly id: string;
  readonly created: number;
  readonly model: string;
  readonly systemFingerprint: string;
  readonly contentPieces: readonly string[];
  readonly toolCalls: readonly PlannedToolCall[];
  readonly finishReason: 'stop' | 'length' | 'tool_calls';
  readonly usage: ChatUsage;
}

export const SYSTEM_FINGERPRINT = 'fp_5a7db0c1e2';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomId(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  let id = prefix;
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return id;
}

/**
 * Turns a scripted reply into a turn: content split into token pieces (cut at max_tokens /
 * max_completion_tokens with finish_reason "length"), tool-call arguments split into fragments,
 * and a token count estimated from the pieces.
 */
export function planTurn(reply: ChatReply, request: ChatRequest): ChatTurn {
  const limit = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const allPieces = splitIntoTokens(reply.content ?? '');
  const truncated = limit !== undefined && allPieces.length > limit;
  const contentPieces = truncated ? allPieces.slice(0, limit) : allPieces;
  const toolCalls = truncated
    ? []
    : (reply.toolCalls ?? []).map((call) => ({
        id: randomId('call_', 24),
        name: call.name,
        argumentPieces: splitIntoTokens(typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments)),
      }));
  const completionTokens = contentPieces.length + toolCalls.reduce((sum, call) => sum + call.argumentPieces.length + 3, 0);
  const promptTokens = estimatePromptTokens(request);
  return {
    id: randomId('chatcmpl-', 29),
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    systemFingerprint: SYSTEM_FINGERPRINT,
    contentPieces,
    toolCalls,
    finishReason: truncated ? 'length' : toolCalls.length > 0 ? 'tool_calls' : 'stop',
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
  };
}

function estimatePromptTokens(request: ChatRequest): number {
  const messageTokens = request.messages.reduce((sum, message) => sum + 4 + splitIntoTokens(messageText(message)).length, 3);
  const toolTokens = request.tools === undefined ? 0 : Math.ceil(JSON.stringify(request.tools).length / 4);
  return messageTokens + toolTokens;
}
