import type { StageDefinition } from '../flows';
import type { ToolCallRequest, ToolSpec } from './chat.model';

/** The function through which the model ends a conversational stage. */
export const FINISH_STAGE_TOOL = 'finish_stage';

/** Slot kinds whose values the model may report when it ends a stage. */
const REPORTABLE_SLOT_KINDS: ReadonlySet<string> = new Set(['choice', 'yes-no']);

function slotValues(slot: StageDefinition['slots'][number]): readonly string[] {
  return slot.kind === 'yes-no' ? ['yes', 'no'] : (slot.choices ?? []);
}

/** `finish_stage` for this stage: its outcomes, and its choice and yes-no slots as optional enums. */
export function finishStageSpec(stage: StageDefinition): ToolSpec {
  const slotProperties = Object.fromEntries(
    stage.slots.filter((slot) => REPORTABLE_SLOT_KINDS.has(slot.kind)).map((slot) => [slot.name, { type: 'string', enum: [...slotValues(slot)] }]),
  );
  return {
    name: FINISH_STAGE_TOOL,
    description: 'Call when this step of the call is settled, with the outcome and what the caller chose. Say nothing more in this turn: the next step speaks.',
    parameters: {
      type: 'object',
      properties: { outcome: { type: 'string', enum: Object.keys(stage.next) }, ...slotProperties },
      required: ['outcome'],
      additionalProperties: false,
    },
  };
}

export interface FinishedStage {
  readonly outcome: string;
  readonly values: Readonly<Record<string, string>>;
}

/** The model's finish_stage call, checked against the stage; undefined when it names no outcome of the stage. */
export function readFinishStage(call: ToolCallRequest, stage: StageDefinition): FinishedStage | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.argumentsJson);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const args = parsed as Record<string, unknown>;
  const outcome = args['outcome'];
  if (typeof outcome !== 'string' || !Object.hasOwn(stage.next, outcome)) return undefined;
  const values: Record<string, string> = {};
  for (const slot of stage.slots) {
    const value = args[slot.name];
    if (REPORTABLE_SLOT_KINDS.has(slot.kind) && typeof value === 'string' && slotValues(slot).includes(value)) values[slot.name] = value;
  }
  return { outcome, values };
}
