import type { z } from 'zod';
import { flowDefinitionSchema, type FlowDefinition } from './flow.definition';
import { flowGraphProblems } from './flow-graph.rules';
import { flowHandlerProblems } from './flow-handler.rules';
import { flowPromptFieldProblems } from './flow-prompt-field.rules';
import { flowSlotProblems } from './flow-slot.rules';
import { flowTemplateProblems } from './flow-template.rules';
import { flowToolProblems } from './flow-tool.rules';

/** Problems name paths, stage ids, placeholders, tools and fields, never text a flow or tenant supplied. */
export type FlowValidation = { readonly ok: true; readonly flow: FlowDefinition } | { readonly ok: false; readonly problems: readonly string[] };

const RULES: readonly ((flow: FlowDefinition) => string[])[] = [
  flowGraphProblems,
  flowTemplateProblems,
  flowToolProblems,
  flowSlotProblems,
  flowPromptFieldProblems,
  flowHandlerProblems,
];

function schemaProblem(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return `${path === '' ? '(flow)' : path}: ${issue.message}`;
}

/**
 * Checks a candidate flow: its shape, then every rule; lists every problem found. On success
 * returns the parsed flow (a fresh copy, safe to hand out).
 */
export function validateFlow(candidate: unknown): FlowValidation {
  const parsed = flowDefinitionSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(schemaProblem) };
  const problems = RULES.flatMap((rule) => rule(parsed.data));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, flow: parsed.data };
}
