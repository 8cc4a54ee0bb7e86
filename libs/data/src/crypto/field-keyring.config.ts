import { envVar } from '@va/config';
import { z } from 'zod';
import type { FieldCipher } from './field.cipher';
import { FieldKeyringError } from './field-keyring.error';
import { parseFieldKeyring } from './field-keyring.parser';
import { KEY_ID_PATTERN } from './field-key.rules';

/**
 * The two variables every process that reads or writes encrypted fields takes:
 * DATA_ENCRYPTION_KEYS (`id:<base64 of 32 bytes>,...`, secret) and DATA_ENCRYPTION_ACTIVE_KEY_ID
 * (the key new values are encrypted under). Rotation: add a key, make it active, re-encrypt,
 * then drop the old one.
 */
export const fieldKeyringShape = Object.freeze({
  DATA_ENCRYPTION_KEYS: envVar.secret().superRefine((keys, ctx) => {
    for (const problem of keyListProblems(keys)) ctx.addIssue(problem);
  }),
  DATA_ENCRYPTION_ACTIVE_KEY_ID: z.string().trim().regex(KEY_ID_PATTERN, 'expected a key id matching [a-z0-9-]{1,32}'),
});

// A type alias, not an interface, so the values also read as a plain variable record.
export type FieldKeyringVariables = {
  readonly DATA_ENCRYPTION_KEYS: string;
  readonly DATA_ENCRYPTION_ACTIVE_KEY_ID: string;
};

/**
 * A fixed keyring for local runs with no configuration (embedded `npm start`, `npm run db:seed`),
 * so what was encrypted on one run decrypts on the next. DEV-ONLY: the key is public.
 */
export const DEV_ONLY_FIELD_KEYRING: FieldKeyringVariables = Object.freeze({
  DATA_ENCRYPTION_KEYS: 'dev1:REVWLU9OTFkgZGVtbyBrZXksIG5vdCBhIHNlY3JldCE=',
  DATA_ENCRYPTION_ACTIVE_KEY_ID: 'dev1',
});

/** The cipher the variables describe; its errors name the variables, never key material. */
export function fieldCipherFromConfig(variables: FieldKeyringVariables): FieldCipher {
  try {
    return parseFieldKeyring({ keys: variables.DATA_ENCRYPTION_KEYS, activeKeyId: variables.DATA_ENCRYPTION_ACTIVE_KEY_ID });
  } catch (error) {
    if (error instanceof FieldKeyringError) throw new Error(`DATA_ENCRYPTION_KEYS / DATA_ENCRYPTION_ACTIVE_KEY_ID: ${error.message}`);
    throw error;
  }
}

/** Problems of the key list on its own (the active id is checked against it when the cipher is built). */
function keyListProblems(keys: string): readonly string[] {
  const firstId = keys.split(',')[0]?.split(':')[0]?.trim() ?? '';
  try {
    parseFieldKeyring({ keys, activeKeyId: firstId });
    return [];
  } catch (error) {
    if (error instanceof FieldKeyringError) return error.problems;
    throw error;
  }
}
