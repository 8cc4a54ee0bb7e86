import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
export const AES_KEY_BYTES = 32;
export const GCM_IV_BYTES = 12;
export const GCM_TAG_BYTES = 16;

/** The parts of one AES-256-GCM encryption. */
export interface SealedBytes {
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

/**
 * Encrypts under a fresh random 96-bit IV. Random IVs keep collisions negligible up to about
 * 2^32 encryptions per key, far beyond one key's life between rotations.
 */
export function sealBytes(key: KeyObject, plaintext: Buffer, aad: Buffer): SealedBytes {
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** Returns the plaintext, or undefined when the tag does not verify under this key and AAD. */
export function openBytes(key: KeyObject, sealed: SealedBytes, aad: Buffer): Buffer | undefined {
  const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: GCM_TAG_BYTES });
  decipher.setAuthTag(sealed.tag);
  decipher.setAAD(aad);
  const plaintext = decipher.update(sealed.ciphertext);
  try {
    return Buffer.concat([plaintext, decipher.final()]);
  } catch {
    plaintext.fill(0);
    return undefined;
  }
}
