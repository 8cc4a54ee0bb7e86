/** Why an envelope could not be decrypted. */
export type FieldDecryptionReason = 'malformed-envelope' | 'unknown-key' | 'authentication-failed';

/**
 * Thrown when an envelope cannot be decrypted. The message names the reason and, for an
 * unknown key, the key id; it never carries plaintext, key material or the envelope itself.
 */
export class FieldDecryptionError extends Error {
  readonly reason: FieldDecryptionReason;
  /** The key id named by the envelope, when the envelope was well formed enough to name one. */
  readonly keyId: string | undefined;

  constructor(reason: FieldDecryptionReason, message: string, keyId?: string) {
    super(message);
    this.name = 'FieldDecryptionError';
    this.reason = reason;
    this.keyId = keyId;
  }
}
