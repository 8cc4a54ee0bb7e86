import { generateFieldKey } from '../crypto/field-key.generator';
import type { FieldKeyringVariables } from '../crypto/field-keyring.config';
import { parseFieldKeyring } from '../crypto/field-keyring.parser';
import type { FieldCipher } from '../crypto/field.cipher';

/** A fresh random keyring as a service process reads it, and the same keyring as a cipher for the test. */
export function testFieldKeyring(): { readonly env: FieldKeyringVariables; readonly cipher: FieldCipher } {
  const env = { DATA_ENCRYPTION_KEYS: `test1:${generateFieldKey()}`, DATA_ENCRYPTION_ACTIVE_KEY_ID: 'test1' };
  return { env, cipher: parseFieldKeyring({ keys: env.DATA_ENCRYPTION_KEYS, activeKeyId: env.DATA_ENCRYPTION_ACTIVE_KEY_ID }) };
}
