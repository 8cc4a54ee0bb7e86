import type { FlowDefinition } from './flow.definition';
import { isToolName } from './tool-name.catalog';

/** Every stage offers only tools of the catalog (DOMAIN.md), each once. */
export function flowToolProblems(flow: FlowDefinition): string[] {
  const problems: string[] = [];
  for (const [stageId, stage] of Object.entries(flow.stages)) {
    const seen = new Set<string>();
    for (const tool of stage.allowedTools) {
      if (!isToolName(tool)) problems.push(`stages.${stageId}.allowedTools: ${tool} is not a known tool`);
      else if (seen.has(tool)) problems.push(`stages.${stageId}.allowedTools: ${tool} is listed twice`);
      seen.add(tool);
    }
  }
  return problems;
}
