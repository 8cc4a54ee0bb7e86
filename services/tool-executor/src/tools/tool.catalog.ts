import type { ToolDefinition } from './tool.definition';

/** The tools by name; the only place the executor looks a tool up. */
export class ToolCatalog {
  private readonly byName = new Map<string, ToolDefinition>();

  constructor(tools: readonly ToolDefinition[]) {
    for (const tool of tools) {
      if (this.byName.has(tool.name)) throw new Error(`tool ${tool.name} is defined twice`);
      this.byName.set(tool.name, tool);
    }
  }

  get(name: string): ToolDefinition | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }
}
