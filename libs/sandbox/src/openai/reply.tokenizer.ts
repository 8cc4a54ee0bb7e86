/**
 * Splits text into token-ish pieces the way a model streams them: a word with its leading
 * space, or a single punctuation mark. The pieces concatenate back to the exact input.
 */
const PIECE = /\s*[\p{L}\p{N}'’_]+|\s*[^\s\p{L}\p{N}'’_]|\s+/gu;

export function splitIntoTokens(text: string): string[] {
  return text.match(PIECE) ?? [];
}
