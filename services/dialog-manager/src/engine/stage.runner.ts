import { END_STAGE } from '../flows';
import { clearSlots } from '../session';
import type { EngineTurn } from './engine.turn';
import { captureFromText } from './slot-capture';
import { behaviourOf, CLOSING_REASONS, isClosingStage } from './stage.registry';
import type { StageResult } from './stage.behaviour';

/** More stage changes than this within one event is a loop in the flow's wiring. */
const MAX_STAGE_CHANGES_PER_EVENT = 25;

/** A stage with no entry behaviour says its `enter` line; a closing stage then hangs up. */
export function enterCurrentStage(turn: EngineTurn): StageResult {
  if (isClosingStage(turn.stage)) {
    turn.sayStageLine('enter');
    turn.hangUp(CLOSING_REASONS[turn.stageId] ?? 'completed');
    return undefined;
  }
  const enter = behaviourOf(turn.stageId).enter;
  if (enter !== undefined) return enter(turn);
  turn.sayStageLine('enter');
  return undefined;
}

/** All the stage asks for is in: its own completion, or its `answered` (else first) outcome. */
export function completeCurrentStage(turn: EngineTurn): StageResult {
  const complete = behaviourOf(turn.stageId).complete;
  if (complete !== undefined) return complete(turn);
  const outcomes = Object.keys(turn.stage.next);
  const chosen = outcomes.includes('answered') ? 'answered' : outcomes[0];
  return chosen === undefined ? undefined : { outcome: chosen };
}

/** The caller answered the current stage's question. */
export function answerCurrentStage(turn: EngineTurn, text: string): StageResult {
  const answer = behaviourOf(turn.stageId).answer;
  if (answer !== undefined) return answer(turn, text);
  return captureFromText(turn, text) === 'complete' ? completeCurrentStage(turn) : undefined;
}

/** Follows outcomes from stage to stage, entering each, until one waits for the caller or a tool. */
export function follow(turn: EngineTurn, first: StageResult): void {
  let result = first;
  for (let changes = 0; result !== undefined && !turn.ended; changes += 1) {
    if (changes >= MAX_STAGE_CHANGES_PER_EVENT) throw new Error(`flow ${turn.context.flow.id} loops at stage ${turn.stageId}`);
    const target = 'jumpTo' in result ? result.jumpTo : turn.stage.next[result.outcome];
    if (target === undefined) throw new Error(`stage ${turn.stageId} has no outcome ${'outcome' in result ? result.outcome : ''}`);
    if (target === END_STAGE) {
      turn.hangUp('completed');
      return;
    }
    const stage = turn.context.flow.stages[target];
    if (stage === undefined) throw new Error(`flow ${turn.context.flow.id} has no stage ${target}`);
    turn.moveTo(target);
    // A stage entered again asks its questions again.
    turn.update((session) => clearSlots(session, stage.slots.map((slot) => slot.name)));
    result = enterCurrentStage(turn);
  }
}
