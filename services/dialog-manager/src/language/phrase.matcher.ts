import { utteranceWords } from './utterance.words';

export interface PhraseMatch<L extends string> {
  readonly label: L;
  /** Index of the first word matched and the number of words. */
  readonly start: number;
  readonly length: number;
}

/**
 * Finds labelled phrases in an utterance's words, whole words only. Scanning left to right, the
 * longest phrase starting at a word wins and its words are consumed, so "that's not right" is one
 * phrase and never also "right".
 */
export class PhraseMatcher<L extends string> {
  private readonly phrases: { readonly label: L; readonly words: readonly string[] }[];

  constructor(phrasesByLabel: Readonly<Record<L, readonly string[]>>) {
    this.phrases = (Object.entries(phrasesByLabel) as [L, readonly string[]][])
      .flatMap(([label, phrases]) => phrases.map((phrase) => ({ label, words: utteranceWords(phrase) })))
      .filter((phrase) => phrase.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
  }

  matches(words: readonly string[]): PhraseMatch<L>[] {
    const found: PhraseMatch<L>[] = [];
    let index = 0;
    while (index < words.length) {
      const phrase = this.phrases.find((candidate) => candidate.words.every((word, offset) => words[index + offset] === word));
      if (phrase) {
        found.push({ label: phrase.label, start: index, length: phrase.words.length });
        index += phrase.words.length;
      } else {
        index += 1;
      }
    }
    return found;
  }

  /** Whether the phrases found cover every word (and there is at least one word). */
  coversAll(words: readonly string[]): boolean {
    const covered = this.matches(words).reduce((sum, match) => sum + match.length, 0);
    return words.length > 0 && covered === words.length;
  }
}
