import {
  CIRCULAR,
  isPhiKey,
  MAX_REDACTION_DEPTH,
  PHI_PATTERNS,
  REDACTED,
  TRUNCATED,
} from './phi.policy';

/** Masks phone numbers, emails, SSNs, bare dates and URL credentials inside a string. */
export function redactString(text: string): string {
  let result = text;
  for (const { pattern, replacement } of PHI_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/** True when the string holds nothing redactString would mask. */
export function isPhiFree(text: string): boolean {
  return redactString(text) === text;
}

/**
 * Deep copy of `value` that is safe to write to logs: values under PHI keys become
 * "[REDACTED]", every string is scanned, Errors become {type, message, stack, ...},
 * binary data becomes "[binary N bytes]". Cycle-safe; depth bounded.
 */
export function redactPhi(value: unknown): unknown {
  return redactValue(value, 0, []);
}

/** redactPhi for a field record, typed as a record. */
export function redactFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return redactEntries(Object.entries(fields), 0, [fields]);
}

function redactValue(value: unknown, depth: number, ancestors: readonly object[]): unknown {
  switch (typeof value) {
    case 'string':
      return redactString(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'bigint':
      return value.toString();
    case 'symbol':
      return redactString(value.toString());
    case 'function':
      return '[function]';
    case 'object':
      return value === null ? null : redactObject(value, depth, ancestors);
  }
}

function redactObject(value: object, depth: number, ancestors: readonly object[]): unknown {
  if (ancestors.includes(value)) return CIRCULAR;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) {
    return `[binary ${value.byteLength} bytes]`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (depth >= MAX_REDACTION_DEPTH) return TRUNCATED;
  const inside = [...ancestors, value];
  if (value instanceof Error) return redactError(value, depth, inside);
  if (Array.isArray(value)) return value.map((item: unknown) => redactValue(item, depth + 1, inside));
  if (value instanceof Set) return [...value].map((item: unknown) => redactValue(item, depth + 1, inside));
  if (value instanceof Map) {
    const entries = [...value].map(([key, item]: [unknown, unknown]): [string, unknown] => [String(key), item]);
    return redactEntries(entries, depth, inside);
  }
  const toJson: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') return redactValue(toJson.call(value), depth + 1, inside);
  return redactEntries(Object.entries(value), depth, inside);
}

function redactEntries(
  entries: readonly (readonly [string, unknown])[],
  depth: number,
  ancestors: readonly object[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const hidden = isPhiKey(key) && item !== undefined && item !== null;
    result[redactString(key)] = hidden ? REDACTED : redactValue(item, depth + 1, ancestors);
  }
  return result;
}

const ERROR_OWN_KEYS: ReadonlySet<string> = new Set(['name', 'message', 'stack', 'cause']);

function redactError(error: Error, depth: number, ancestors: readonly object[]): Record<string, unknown> {
  const extra = Object.entries(error).filter(([key]) => !ERROR_OWN_KEYS.has(key));
  const result: Record<string, unknown> = {
    type: redactString(error.name),
    message: redactString(error.message),
    stack: error.stack === undefined ? undefined : redactString(error.stack),
    ...redactEntries(extra, depth, ancestors),
  };
  if (error.cause !== undefined) result['cause'] = redactValue(error.cause, depth + 1, ancestors);
  return result;
}
