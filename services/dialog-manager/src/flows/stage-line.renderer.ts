import type { FlowDefinition, StageLine } from './flow.definition';
import { scanTemplate } from './template.placeholders';
import { renderTemplate, type TemplateRenderResult, type TemplateValues } from './template.renderer';

const DISCLOSURE_PLACEHOLDERS: ReadonlySet<string> = new Set(['automatedDisclosure', 'recordingDisclosure']);

/**
 * Renders what a stage says (`enter`, `reprompt` or `simplify`). The flow's disclosures are
 * rendered first when the line uses them (they may use {{agentName}} and {{tenantName}}) and
 * offered as {{automatedDisclosure}} and {{recordingDisclosure}}; `agentName` defaults to the
 * flow's agent. Throws only for a stage the flow does not have (a bug in the caller).
 */
export function renderStageLine(flow: FlowDefinition, stageId: string, line: StageLine, values: TemplateValues): TemplateRenderResult {
  const stage = flow.stages[stageId];
  if (stage === undefined) throw new Error(`flow ${flow.id} has no stage ${stageId}`);
  const template = stage.say[line];
  const base: TemplateValues = { agentName: flow.agent.name, ...values };
  const used = new Set(scanTemplate(template).names);
  const disclosures: Record<string, string> = {};
  const missing = new Set<string>();
  for (const [placeholder, text] of [['automatedDisclosure', flow.disclosures.automated], ['recordingDisclosure', flow.disclosures.recording]] as const) {
    if (!used.has(placeholder)) continue;
    const rendered = renderTemplate(text, base);
    if (rendered.ok) disclosures[placeholder] = rendered.text;
    else rendered.missing.forEach((name) => missing.add(name));
  }
  const rendered = renderTemplate(template, { ...base, ...disclosures });
  if (!rendered.ok) rendered.missing.filter((name) => !DISCLOSURE_PLACEHOLDERS.has(name)).forEach((name) => missing.add(name));
  return missing.size > 0 ? { ok: false, missing: [...missing] } : rendered;
}

/** Renders a handler's text (which may use only {{agentName}} and {{tenantName}}). */
export function renderHandlerLine(flow: FlowDefinition, template: string, values: TemplateValues): TemplateRenderResult {
  return renderTemplate(template, { agentName: flow.agent.name, ...values });
}
