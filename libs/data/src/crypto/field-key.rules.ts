import { AES_KEY_BYTES } from './aes-gcm.primitive';

/** A key id: short, lower case, and free of the envelope's `.` separator. */
export const KEY_ID_PATTERN = /^[a-z0-9-]{1,32}$/;
export const FIELD_KEY_BYTES = AES_KEY_BYTES;

export function isValidKeyId(id: string): boolean {
  return KEY_ID_PATTERN.test(id);
}

/**
 * How a key id may appear in an error: quoted when it is a well-formed id, otherwise only
 * described, since a malformed id may be key material pasted in the wrong place.
 */
export function describeKeyId(id: string): string {
  return isValidKeyId(id) ? `key id "${id}"` : 'a key id that does not match [a-z0-9-]{1,32}';
}

/** A key id and its 1-based position in the configured list, for error messages. */
export interface PositionedKeyId {
  readonly position: number;
  readonly id: string;
}

/**
 * Problems with the set of ids as a whole: malformed ids, repeated ids, and an active id
 * that names no key.
 */
export function keySetProblems(ids: readonly PositionedKeyId[], activeKeyId: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { position, id } of ids) {
    if (!isValidKeyId(id)) problems.push(`entry ${position}: ${describeKeyId(id)}`);
    else if (seen.has(id)) problems.push(`entry ${position}: duplicate ${describeKeyId(id)}`);
    seen.add(id);
  }
  if (!isValidKeyId(activeKeyId)) problems.push(`active key id: ${describeKeyId(activeKeyId)}`);
  else if (!seen.has(activeKeyId)) problems.push(`active key id: ${describeKeyId(activeKeyId)} names no configured key`);
  return problems;
}

/** A problem with one key's length, or undefined when it is a 256-bit key. */
export function keyLengthProblem(position: number, id: string, byteLength: number): string | undefined {
  if (byteLength === FIELD_KEY_BYTES) return undefined;
  return `entry ${position}: ${describeKeyId(id)} is ${byteLength} bytes; expected ${FIELD_KEY_BYTES}`;
}
