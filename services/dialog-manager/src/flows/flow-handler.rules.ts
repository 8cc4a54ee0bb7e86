import type { FlowDefinition } from './flow.definition';

/** The emergency text carries the 911 instruction, whatever its wording. */
export function flowHandlerProblems(flow: FlowDefinition): string[] {
  return /\b911\b/.test(flow.handlers.emergency.say) ? [] : ['handlers.emergency.say: the emergency text must tell the caller to call 911'];
}
