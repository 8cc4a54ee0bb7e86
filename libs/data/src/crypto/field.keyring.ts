import { createSecretKey, type KeyObject } from 'node:crypto';
import { openBytes, sealBytes } from './aes-gcm.primitive';
import type { FieldCipher } from './field.cipher';
import { envelopeHeader, formatEnvelope, parseEnvelope, type FieldEnvelope } from './field.envelope';
import { FieldDecryptionError } from './field-decryption.error';
import { keyLengthProblem, keySetProblems } from './field-key.rules';
import { FieldKeyringError } from './field-keyring.error';

/** One 256-bit key and the id that envelopes made under it carry. */
export interface FieldKey {
  readonly id: string;
  readonly key: Uint8Array;
}

export interface FieldKeyringOptions {
  readonly keys: readonly FieldKey[];
  /** The key every new envelope is made under; it must be one of `keys`. */
  readonly activeKeyId: string;
}

/**
 * AES-256-GCM field encryption over several keys: encrypts under the active key, decrypts
 * under whichever key an envelope names, and re-encrypts old envelopes during rotation. Key
 * bytes are copied into KeyObjects held in a private field, so neither logging nor
 * serialising a keyring shows them.
 */
export class FieldKeyring implements FieldCipher {
  readonly activeKeyId: string;
  readonly keyIds: readonly string[];
  readonly #keys: ReadonlyMap<string, KeyObject>;

  /** Throws FieldKeyringError on malformed or duplicate ids, keys not 32 bytes, or an unknown active id. */
  constructor(options: FieldKeyringOptions) {
    const ids = options.keys.map((entry, index) => ({ position: index + 1, id: entry.id }));
    const lengthProblems = options.keys.map((entry, index) => keyLengthProblem(index + 1, entry.id, entry.key.byteLength));
    const problems = [...lengthProblems.filter((problem) => problem !== undefined), ...keySetProblems(ids, options.activeKeyId)];
    if (problems.length > 0) throw new FieldKeyringError(problems);
    this.#keys = new Map(options.keys.map((entry) => [entry.id, createSecretKey(entry.key)]));
    this.activeKeyId = options.activeKeyId;
    this.keyIds = Object.freeze(ids.map((entry) => entry.id));
    Object.freeze(this);
  }

  encrypt(plaintext: string, aad: string): string {
    if (typeof plaintext !== 'string') throw new TypeError('FieldKeyring.encrypt expects a string plaintext');
    const key = this.#keyOf(this.activeKeyId);
    const sealed = sealBytes(key, Buffer.from(plaintext, 'utf8'), associatedData(this.activeKeyId, aad));
    return formatEnvelope({ keyId: this.activeKeyId, ...sealed });
  }

  decrypt(envelope: string, aad: string): string {
    const parsed = this.#parse(envelope);
    const data = associatedData(parsed.keyId, aad);
    const key = this.#keys.get(parsed.keyId);
    if (!key) {
      throw new FieldDecryptionError('unknown-key', `field envelope names key id "${parsed.keyId}", which is not in the keyring`, parsed.keyId);
    }
    const plaintext = openBytes(key, parsed, data);
    if (!plaintext) {
      throw new FieldDecryptionError(
        'authentication-failed',
        `field envelope under key id "${parsed.keyId}" failed authentication: tampered, or decrypted with another context`,
        parsed.keyId,
      );
    }
    const text = plaintext.toString('utf8');
    plaintext.fill(0);
    return text;
  }

  /** Reads only the envelope's key id; throws FieldDecryptionError when the envelope is malformed. */
  needsRotation(envelope: string): boolean {
    return this.#parse(envelope).keyId !== this.activeKeyId;
  }

  /**
   * Decrypts (which authenticates the envelope against `aad`) and re-encrypts under the active
   * key; an envelope already under the active key is returned unchanged once authenticated.
   */
  rotate(envelope: string, aad: string): string {
    const plaintext = this.decrypt(envelope, aad);
    return this.needsRotation(envelope) ? this.encrypt(plaintext, aad) : envelope;
  }

  #parse(envelope: string): FieldEnvelope {
    const result = typeof envelope === 'string' ? parseEnvelope(envelope) : { ok: false as const, problem: 'envelope is not a string' };
    if (!result.ok) throw new FieldDecryptionError('malformed-envelope', `malformed field envelope: ${result.problem}`, result.keyId);
    return result.envelope;
  }

  #keyOf(id: string): KeyObject {
    const key = this.#keys.get(id);
    if (!key) throw new Error('FieldKeyring has no key for its active key id');
    return key;
  }
}

/**
 * The bytes GCM authenticates besides the ciphertext: the envelope header and the caller's
 * context. The key id cannot contain `.`, so the boundary between the two is unambiguous.
 */
function associatedData(keyId: string, aad: string): Buffer {
  if (typeof aad !== 'string' || aad.length === 0) throw new TypeError('field encryption needs a non-empty associated-data context');
  return Buffer.from(`${envelopeHeader(keyId)}.${aad}`, 'utf8');
}
