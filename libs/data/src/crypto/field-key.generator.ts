import { randomBytes } from 'node:crypto';
import { FIELD_KEY_BYTES } from './field-key.rules';

/** A new field key for operators to configure: base64 of 32 random bytes. */
export function generateFieldKey(): string {
  return randomBytes(FIELD_KEY_BYTES).toString('base64');
}
