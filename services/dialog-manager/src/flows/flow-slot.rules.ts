import type { FlowDefinition } from './flow.definition';
import { IDENTITY_SLOT_KINDS, READ_BACK_SLOT_KINDS } from './prompt-field.catalog';

/**
 * Slots: choices exactly for 'choice' slots; identity and contact values read back; identity
 * values captured only in a stage that handles identity; a name is unique in its stage and
 * means one kind of value across the flow.
 */
export function flowSlotProblems(flow: FlowDefinition): string[] {
  const problems: string[] = [];
  const kindByName = new Map<string, string>();
  for (const [stageId, stage] of Object.entries(flow.stages)) {
    const names = new Set<string>();
    for (const slot of stage.slots) {
      const path = `stages.${stageId}.slots.${slot.name}`;
      if (names.has(slot.name)) problems.push(`${path}: the stage defines this slot twice`);
      names.add(slot.name);
      const knownKind = kindByName.get(slot.name);
      if (knownKind !== undefined && knownKind !== slot.kind) problems.push(`${path}: another stage captures a ${knownKind} under this name`);
      kindByName.set(slot.name, knownKind ?? slot.kind);
      if (slot.kind === 'choice' && slot.choices === undefined) problems.push(`${path}: a choice slot needs choices`);
      if (slot.kind !== 'choice' && slot.choices !== undefined) problems.push(`${path}: only a choice slot has choices`);
      if (READ_BACK_SLOT_KINDS.includes(slot.kind) && !slot.readBack) problems.push(`${path}: a ${slot.kind} is always read back`);
      if (IDENTITY_SLOT_KINDS.includes(slot.kind) && stage.handlesIdentity !== true) {
        problems.push(`${path}: a ${slot.kind} is captured only in a stage marked handlesIdentity`);
      }
    }
  }
  return problems;
}
