import type { FlowDefinition } from './flow.definition';
import { scanTemplate } from './template.placeholders';
import { FLOW_PLACEHOLDERS, REQUIRED_INITIAL_PLACEHOLDERS, STAGE_PLACEHOLDERS } from './template-placeholder.catalog';

/** Every text a cross-cutting handler says, by path. */
export function handlerTexts(flow: FlowDefinition): [path: string, text: string][] {
  const { optOut, human, emergency, confusion, silence, answeringMachine } = flow.handlers;
  return [
    ['handlers.optOut.say', optOut.say],
    ['handlers.human.transferSay', human.transferSay],
    ['handlers.human.callbackOfferSay', human.callbackOfferSay],
    ['handlers.emergency.say', emergency.say],
    ['handlers.confusion.callbackOfferSay', confusion.callbackOfferSay],
    ['handlers.silence.endSay', silence.endSay],
    ['handlers.answeringMachine.voicemailSay', answeringMachine.voicemailSay],
  ];
}

function templateProblems(path: string, template: string, fillable: ReadonlySet<string>): string[] {
  const { names, malformedCount } = scanTemplate(template);
  const problems = names.filter((name) => !fillable.has(name)).map((name) => `${path}: {{${name}}} cannot be filled here`);
  if (malformedCount > 0) problems.push(`${path}: ${malformedCount} malformed placeholder brace(s)`);
  return problems;
}

/**
 * Every template uses only placeholders its place can fill: a stage's lines the stage
 * placeholders and its own slot names; disclosures and handler texts the flow placeholders only.
 * The initial stage's `enter` says both disclosures.
 */
export function flowTemplateProblems(flow: FlowDefinition): string[] {
  const problems: string[] = [];
  for (const [stageId, stage] of Object.entries(flow.stages)) {
    const fillable = new Set<string>([...STAGE_PLACEHOLDERS, ...stage.slots.map((slot) => slot.name)]);
    for (const [line, template] of Object.entries(stage.say)) problems.push(...templateProblems(`stages.${stageId}.say.${line}`, template, fillable));
  }
  const flowFillable = new Set<string>(FLOW_PLACEHOLDERS);
  for (const [kind, template] of Object.entries(flow.disclosures)) problems.push(...templateProblems(`disclosures.${kind}`, template, flowFillable));
  for (const [path, template] of handlerTexts(flow)) problems.push(...templateProblems(path, template, flowFillable));
  const initial = flow.stages[flow.initialStage];
  if (initial !== undefined) {
    const used = new Set(scanTemplate(initial.say.enter).names);
    for (const name of REQUIRED_INITIAL_PLACEHOLDERS) {
      if (!used.has(name)) problems.push(`stages.${flow.initialStage}.say.enter: the initial stage must say {{${name}}}`);
    }
  }
  return problems;
}
