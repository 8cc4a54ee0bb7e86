import { END_STAGE, type FlowDefinition } from './flow.definition';

/** Stages reachable from `from` (itself included) by following `next`. */
function reachableFrom(flow: FlowDefinition, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  for (let stageId = queue.shift(); stageId !== undefined; stageId = queue.shift()) {
    const stage = flow.stages[stageId];
    if (seen.has(stageId) || stage === undefined) continue;
    seen.add(stageId);
    queue.push(...Object.values(stage.next));
  }
  return seen;
}

/** Stages from which END can be reached (walking the outcome graph backwards from END). */
function stagesThatCanEnd(flow: FlowDefinition): Set<string> {
  const canEnd = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [stageId, stage] of Object.entries(flow.stages)) {
      if (canEnd.has(stageId)) continue;
      if (Object.values(stage.next).some((target) => target === END_STAGE || canEnd.has(target))) {
        canEnd.add(stageId);
        grew = true;
      }
    }
  }
  return canEnd;
}

/**
 * The outcome graph: initialStage and every next-target name a stage (or END), every stage has an
 * outcome, is reachable from initialStage and can reach END (no path traps a call).
 */
export function flowGraphProblems(flow: FlowDefinition): string[] {
  const problems: string[] = [];
  if (flow.stages[END_STAGE] !== undefined) problems.push(`stages.${END_STAGE}: ${END_STAGE} is reserved for the end of the call`);
  const initialExists = flow.stages[flow.initialStage] !== undefined;
  if (!initialExists) problems.push(`initialStage: ${flow.initialStage} names no stage`);
  for (const [stageId, stage] of Object.entries(flow.stages)) {
    if (Object.keys(stage.next).length === 0) problems.push(`stages.${stageId}.next: the stage has no outcome`);
    for (const [outcome, target] of Object.entries(stage.next)) {
      if (target !== END_STAGE && flow.stages[target] === undefined) problems.push(`stages.${stageId}.next.${outcome}: ${target} names no stage`);
    }
  }
  if (!initialExists) return problems;
  const reachable = reachableFrom(flow, flow.initialStage);
  const canEnd = stagesThatCanEnd(flow);
  for (const stageId of Object.keys(flow.stages)) {
    if (!reachable.has(stageId)) problems.push(`stages.${stageId}: not reachable from initialStage`);
    else if (!canEnd.has(stageId)) problems.push(`stages.${stageId}: no path from this stage reaches ${END_STAGE}`);
  }
  return problems;
}
