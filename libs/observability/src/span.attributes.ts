import type { Attributes, AttributeValue } from '@opentelemetry/api';
import { isPhiKey } from './phi.policy';
import { redactString } from './phi.redactor';

function safeValue(value: AttributeValue): AttributeValue {
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) {
    return value.map((item: unknown) => (typeof item === 'string' ? redactString(item) : item)) as AttributeValue;
  }
  return value;
}

/**
 * Span attributes without PHI: keys the redaction policy flags are dropped, and PHI-looking
 * substrings in string values are masked. Use for every attribute set on a span.
 */
export function safeSpanAttributes(attributes: Readonly<Attributes>): Attributes {
  const result: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || isPhiKey(key)) continue;
    result[key] = safeValue(value);
  }
  return result;
}
