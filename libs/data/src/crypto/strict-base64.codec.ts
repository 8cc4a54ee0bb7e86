export type Base64Alphabet = 'base64' | 'base64url';

const ALPHABET_PATTERNS: Readonly<Record<Base64Alphabet, RegExp>> = {
  base64: /^[A-Za-z0-9+/]*={0,2}$/,
  base64url: /^[A-Za-z0-9_-]*$/,
};

/**
 * Decodes text only when it is the canonical encoding of its bytes (padded for base64,
 * unpadded for base64url). Node's own decoder skips stray characters and ignores spare bits;
 * this refuses both, so a changed character never decodes to the same bytes.
 */
export function decodeStrictBase64(text: string, alphabet: Base64Alphabet): Buffer | undefined {
  if (!ALPHABET_PATTERNS[alphabet].test(text)) return undefined;
  const bytes = Buffer.from(text, alphabet);
  return bytes.toString(alphabet) === text ? bytes : undefined;
}
