/**
 * Encrypts and decrypts one sensitive column value. `aad` names the value's place (for example
 * `clients.date_of_birth:<tenantId>`); it is authenticated with the ciphertext, so an envelope
 * decrypts only under the same context it was made with.
 */
export interface FieldCipher {
  /** Returns an envelope under the active key; a fresh random IV makes each call differ. */
  encrypt(plaintext: string, aad: string): string;
  /** Returns the plaintext, or throws FieldDecryptionError. */
  decrypt(envelope: string, aad: string): string;
  /** True when the envelope was made under a key other than the active one. */
  needsRotation(envelope: string): boolean;
  /** Returns the value as an envelope under the active key, after authenticating it. */
  rotate(envelope: string, aad: string): string;
}
