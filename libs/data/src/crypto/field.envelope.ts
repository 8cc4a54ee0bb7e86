import { GCM_IV_BYTES, GCM_TAG_BYTES, type SealedBytes } from './aes-gcm.primitive';
import { isValidKeyId } from './field-key.rules';
import { decodeStrictBase64 } from './strict-base64.codec';

/**
 * The text form of an encrypted field: `v1.<keyId>.<iv>.<tag>.<ciphertext>`, the last three
 * base64url without padding. It fits a text column and is recognisable by its prefix.
 */
export const ENVELOPE_VERSION = 'v1';
const SEPARATOR = '.';
const PART_COUNT = 5;

export interface FieldEnvelope extends SealedBytes {
  readonly keyId: string;
}

export type EnvelopeParseResult =
  | { readonly ok: true; readonly envelope: FieldEnvelope }
  | { readonly ok: false; readonly problem: string; readonly keyId?: string };

export function formatEnvelope(envelope: FieldEnvelope): string {
  return [
    envelopeHeader(envelope.keyId),
    envelope.iv.toString('base64url'),
    envelope.tag.toString('base64url'),
    envelope.ciphertext.toString('base64url'),
  ].join(SEPARATOR);
}

/**
 * `v1.<keyId>`, the part of an envelope that is authenticated along with the caller's context,
 * so that the version and key id cannot be changed either.
 */
export function envelopeHeader(keyId: string): string {
  return `${ENVELOPE_VERSION}${SEPARATOR}${keyId}`;
}

/** Checks the structure only; problems describe the part at fault, never its content. */
export function parseEnvelope(text: string): EnvelopeParseResult {
  const parts = text.split(SEPARATOR);
  if (parts.length !== PART_COUNT) return { ok: false, problem: `expected ${PART_COUNT} dot-separated parts, got ${parts.length}` };
  const [version, keyId, ivText, tagText, ciphertextText] = parts;
  if (version !== ENVELOPE_VERSION) return { ok: false, problem: `unsupported envelope version; expected ${ENVELOPE_VERSION}` };
  if (!isValidKeyId(keyId)) return { ok: false, problem: 'key id does not match [a-z0-9-]{1,32}' };
  const iv = decodeStrictBase64(ivText, 'base64url');
  if (iv?.length !== GCM_IV_BYTES) return { ok: false, problem: `iv is not ${GCM_IV_BYTES} bytes of base64url`, keyId };
  const tag = decodeStrictBase64(tagText, 'base64url');
  if (tag?.length !== GCM_TAG_BYTES) return { ok: false, problem: `tag is not ${GCM_TAG_BYTES} bytes of base64url`, keyId };
  const ciphertext = decodeStrictBase64(ciphertextText, 'base64url');
  if (!ciphertext) return { ok: false, problem: 'ciphertext is not base64url', keyId };
  return { ok: true, envelope: { keyId, iv, tag, ciphertext } };
}

/**
 * True when the value has the envelope's structure. It says nothing about authenticity: only
 * a decrypt under the right key and context shows that.
 */
export function isFieldEnvelope(value: string): boolean {
  return typeof value === 'string' && parseEnvelope(value).ok;
}
