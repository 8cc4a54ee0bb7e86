/**
 * Splits a transcript into word tokens. Case and inner apostrophes are kept ("It's", "XOF");
 * every other non-alphanumeric character (spaces, punctuation, hyphens, slashes) separates
 * words, so "fifty-two" → ["fifty", "two"] and "3/3/1952" → ["3", "3", "1952"].
 */
export function tokenizeSpoken(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((token) => token.replace(/^'+|'+$/g, ''))
    .filter((token) => token.length > 0);
}
