/** Spellings recognisers and LLMs produce for the same word, folded to one. */
const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['ok', 'okay'],
  ['k', 'okay'],
  ['dont', "don't"],
  ['cant', "can't"],
  ['cannot', "can't"],
  ['wont', "won't"],
  ['thats', "that's"],
  ['im', "i'm"],
  ['didnt', "didn't"],
  ['mhm', 'mm hm'],
  ['mmhmm', 'mm hm'],
  ['mmhm', 'mm hm'],
  ['hmm', 'hm'],
  ['hmmm', 'hm'],
  ['mmm', 'mm'],
  ['uhhuh', 'uh huh'],
  ['alright', 'all right'],
  ['yea', 'yeah'],
]);

/**
 * The words of an utterance, lower case, without punctuation ("Uh-huh, OK." → ["uh", "huh",
 * "okay"]). Inner apostrophes stay ("don't"); hyphens and slashes separate words.
 */
export function utteranceWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0)
    .flatMap((word) => (SPELLING_VARIANTS.get(word) ?? word).split(' '));
}
