import type { FlowDefinition } from './flow.definition';
import { CLIENT_PROMPT_FIELDS, IDENTITY_PROMPT_FIELDS, IDENTITY_SLOT_KINDS } from './prompt-field.catalog';

/**
 * Prompt fields are catalog fields or slot names of the flow; a date of birth or member ID (by
 * field name or slot kind) goes into a prompt only in a verification or read-back stage.
 */
export function flowPromptFieldProblems(flow: FlowDefinition): string[] {
  const slots = Object.values(flow.stages).flatMap((stage) => stage.slots);
  const known = new Set<string>([...CLIENT_PROMPT_FIELDS, ...slots.map((slot) => slot.name)]);
  const identity = new Set<string>([
    ...IDENTITY_PROMPT_FIELDS,
    ...slots.filter((slot) => IDENTITY_SLOT_KINDS.includes(slot.kind)).map((slot) => slot.name),
  ]);
  const problems: string[] = [];
  for (const [stageId, stage] of Object.entries(flow.stages)) {
    for (const field of stage.promptFields) {
      const path = `stages.${stageId}.promptFields`;
      if (!known.has(field)) problems.push(`${path}: ${field} is neither a known field nor a slot of this flow`);
      else if (identity.has(field) && stage.handlesIdentity !== true) {
        problems.push(`${path}: ${field} is allowed only in a stage marked handlesIdentity`);
      }
    }
  }
  return problems;
}
