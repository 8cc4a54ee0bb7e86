import type { z } from 'zod';
import { ToolResult, type ToolOutcome } from '../tools/tool.definition';

/** Arguments larger than this are refused before parsing (a tool call is a few hundred bytes). */
export const MAX_ARGUMENTS_BYTES = 16 * 1024;

export type ParsedArguments<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly outcome: ToolOutcome };

/** JSON text → validated arguments, or a validation_failed outcome naming each bad field. */
export function parseToolArguments<A>(schema: z.ZodType<A>, argumentsJson: string): ParsedArguments<A> {
  if (Buffer.byteLength(argumentsJson, 'utf8') > MAX_ARGUMENTS_BYTES) {
    return { ok: false, outcome: ToolResult.error('validation_failed', `arguments exceed ${MAX_ARGUMENTS_BYTES} bytes`) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(argumentsJson === '' ? '{}' : argumentsJson);
  } catch {
    return { ok: false, outcome: ToolResult.error('validation_failed', 'arguments are not valid JSON') };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, outcome: ToolResult.error('validation_failed', 'arguments must be a JSON object') };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(arguments)', problem: issue.message }));
  return { ok: false, outcome: ToolResult.error('validation_failed', 'some arguments are missing or invalid', { fields }) };
}
