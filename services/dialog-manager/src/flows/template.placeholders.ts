/** `{{name}}`, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

export interface TemplateScan {
  /** Placeholder names in order of first use, each once. */
  readonly names: readonly string[];
  /** Brace pairs that do not hold a placeholder name (`{{ first name }}`, a lone `{{`). */
  readonly malformedCount: number;
}

/** The placeholders a template uses, and how many of its brace pairs are malformed. */
export function scanTemplate(template: string): TemplateScan {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  const rest = template.replace(PLACEHOLDER, '');
  const malformedCount = (rest.match(/\{\{|\}\}/g) ?? []).length;
  return { names: [...names], malformedCount };
}

/** Replaces each placeholder with `valueOf(name)`, in one pass (a value is never re-scanned). */
export function replacePlaceholders(template: string, valueOf: (name: string) => string): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => valueOf(name));
}
