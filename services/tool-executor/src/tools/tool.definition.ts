import type { z } from 'zod';
import type { FieldCipher, SqlSession } from '@va/data';

/** Machine-readable error codes the LLM can act on (ToolError.code on tool.result). */
export type ToolErrorCode = 'validation_failed' | 'unknown_tool' | 'conflict' | 'not_found' | 'not_allowed' | 'unavailable';

/** JSON the LLM reads: plain objects of strings, numbers, booleans, arrays and nulls. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

export type ToolOutcome =
  | { readonly kind: 'ok'; readonly result: JsonObject }
  | {
      readonly kind: 'error';
      readonly code: ToolErrorCode;
      /** Safe to show the LLM: no PHI. */
      readonly message: string;
      readonly retryable: boolean;
      readonly details?: JsonObject;
    };

export const ToolResult = {
  ok: (result: JsonObject): ToolOutcome => ({ kind: 'ok', result }),
  error: (code: ToolErrorCode, message: string, details?: JsonObject, retryable = false): ToolOutcome =>
    details === undefined ? { kind: 'error', code, message, retryable } : { kind: 'error', code, message, retryable, details },
} as const;

/**
 * What a tool runs with: one tenant-scoped transaction (row-level security), the call it
 * serves, and the cipher for encrypted fields (bind each value with `fieldContext`).
 */
export interface ToolRunContext {
  readonly session: SqlSession;
  readonly cipher: FieldCipher;
  readonly tenantId: string;
  readonly callId: string;
  readonly turnId: string;
  readonly now: Date;
}

/**
 * One tool the agent may call. Arguments are validated by `arguments` before `run`; a tool
 * with side effects runs in the same transaction as its idempotency record, so a repeated
 * request changes nothing twice and gets the first result. A tool writes only when it
 * succeeds: an error outcome leaves the data as it was (the outcome itself is recorded).
 */
export interface ToolDefinition<A = unknown> {
  readonly name: string;
  /** For the LLM's tool list. */
  readonly description: string;
  readonly arguments: z.ZodType<A>;
  readonly sideEffects: boolean;
  /**
   * What the idempotency record keeps of the arguments; all of them when absent. A tool whose
   * arguments carry PHI that it stores encrypted returns a form without it.
   */
  recordedArguments?(args: A): JsonObject;
  run(args: A, context: ToolRunContext): Promise<ToolOutcome>;
}

/** Erases the argument type for the catalog; `run` receives what `arguments` parsed. */
export function defineTool<A>(definition: ToolDefinition<A>): ToolDefinition<unknown> {
  return definition as ToolDefinition<unknown>;
}
