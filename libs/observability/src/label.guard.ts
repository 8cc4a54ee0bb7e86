import { isPhiFree } from './phi.redactor';

/**
 * Metric label values come from closed sets (service names, topic names, outcome kinds,
 * provider names), never from call data. This guard backs that convention where a value
 * is computed: it rejects anything the PHI patterns match, and overlong values.
 */
const MAX_LABEL_VALUE_CHARS = 64;

export class UnsafeLabelValueError extends Error {
  constructor(reason: string) {
    super(`unsafe metric label value: ${reason}`);
    this.name = 'UnsafeLabelValueError';
  }
}

/** Returns the value when it is safe as a label value; throws UnsafeLabelValueError otherwise. */
export function assertSafeLabelValue(value: string): string {
  if (value.length > MAX_LABEL_VALUE_CHARS) {
    throw new UnsafeLabelValueError(`longer than ${MAX_LABEL_VALUE_CHARS} characters`);
  }
  if (!isPhiFree(value)) throw new UnsafeLabelValueError('looks like PHI');
  return value;
}
