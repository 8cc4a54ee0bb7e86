import { fieldContext, type FieldCipher, type SqlSession } from '@va/data';

/** What a date-of-birth check tells the agent: never the date on file itself. */
export type DateOfBirthCheck = 'match' | 'mismatch' | 'not_on_file';

/**
 * Compares the date of birth a caller gave with the one on file, decrypting it only here. A
 * value that does not decrypt (wrong key, tampering) throws FieldDecryptionError: the tool
 * answers `unavailable` rather than guess.
 */
export async function checkDateOfBirth(
  context: { readonly session: SqlSession; readonly cipher: FieldCipher; readonly tenantId: string },
  clientId: string,
  claimed: string,
): Promise<DateOfBirthCheck> {
  const found = await context.session.query<{ dob: string | null }>('SELECT date_of_birth_enc AS dob FROM clients WHERE id = $1', [clientId]);
  const envelope = found.rows[0]?.dob ?? null;
  if (envelope === null) return 'not_on_file';
  const onFile = context.cipher.decrypt(envelope, fieldContext('clients', 'date_of_birth', context.tenantId));
  return onFile === claimed ? 'match' : 'mismatch';
}
