import { replacePlaceholders, scanTemplate } from './template.placeholders';

export type TemplateValues = Readonly<Record<string, string | number | null | undefined>>;

export type TemplateRenderResult =
  | { readonly ok: true; readonly text: string }
  /** `missing` names the placeholders without a value; values never appear in it. */
  | { readonly ok: false; readonly missing: readonly string[] };

function present(value: string | number | null | undefined): value is string | number {
  return typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && value.trim() !== '';
}

/**
 * Fills a template's `{{placeholders}}` from `values`. A placeholder without a value (absent,
 * null or blank) fails the whole render rather than leaving a gap in what the caller hears.
 */
export function renderTemplate(template: string, values: TemplateValues): TemplateRenderResult {
  const missing = scanTemplate(template).names.filter((name) => !present(values[name]));
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, text: replacePlaceholders(template, (name) => String(values[name]).trim()) };
}

/** The message of a failed render, safe to log: placeholder names only. */
export function describeMissingPlaceholders(missing: readonly string[]): string {
  return `template placeholders without a value: ${missing.join(', ')}`;
}
