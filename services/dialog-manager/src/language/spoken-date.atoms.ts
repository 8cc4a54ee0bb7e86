import { DIGIT_WORDS, ORDINAL_WORDS, TEEN_WORDS, TENS_WORDS, ZERO_LETTER_WORDS } from './spoken-number.vocabulary';
import { tokenizeSpoken } from './spoken-text.tokenizer';

/** One meaningful piece of a spoken or written date. */
export type DateAtom =
  | { readonly kind: 'month'; readonly value: number }
  | { readonly kind: 'digit'; readonly value: number }
  | { readonly kind: 'teen'; readonly value: number }
  | { readonly kind: 'tens'; readonly value: number }
  | { readonly kind: 'ordinal'; readonly value: number }
  | { readonly kind: 'numeral'; readonly text: string }
  | { readonly kind: 'hundred' }
  | { readonly kind: 'thousand' };

const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

/** Words a caller wraps a date in ("my date of birth is the third of March"); they carry no value. */
const FILLER_WORDS: ReadonlySet<string> = new Set([
  'my', 'date', 'of', 'birth', 'birthday', 'dob', 'is', "it's", 'its', 'it', 'i', 'was', "i'm", 'born', 'on', 'the',
  'and', 'um', 'uh', 'er', 'so', 'well', "that's", 'think', 'please',
]);

const NUMERAL_WITH_ORDINAL_SUFFIX = /^(\d{1,2})(st|nd|rd|th)$/;
/** Eight written digits in a row are MMDDYYYY, the keypad form. */
const RUN_OF_EIGHT_DIGITS = /^(\d{2})(\d{2})(\d{4})$/;

function atomOf(word: string): DateAtom | DateAtom[] | undefined {
  const month = MONTH_WORDS.get(word);
  if (month !== undefined) return { kind: 'month', value: month };
  const digit = DIGIT_WORDS.get(word) ?? (ZERO_LETTER_WORDS.has(word) ? 0 : undefined);
  if (digit !== undefined) return { kind: 'digit', value: digit };
  const teen = TEEN_WORDS.get(word);
  if (teen !== undefined) return { kind: 'teen', value: teen };
  const tens = TENS_WORDS.get(word);
  if (tens !== undefined) return { kind: 'tens', value: tens };
  const ordinal = ORDINAL_WORDS.get(word);
  if (ordinal !== undefined) return { kind: 'ordinal', value: ordinal };
  if (word === 'hundred') return { kind: 'hundred' };
  if (word === 'thousand') return { kind: 'thousand' };
  const suffixed = NUMERAL_WITH_ORDINAL_SUFFIX.exec(word);
  if (suffixed) return { kind: 'ordinal', value: Number(suffixed[1]) };
  const runOfEight = RUN_OF_EIGHT_DIGITS.exec(word);
  if (runOfEight) return runOfEight.slice(1).map((text) => ({ kind: 'numeral', text }));
  if (/^\d{1,4}$/.test(word)) return { kind: 'numeral', text: word };
  return undefined;
}

/** The date atoms of an utterance, or undefined when it holds a word that is neither a date part nor a filler. */
export function toDateAtoms(text: string): DateAtom[] | undefined {
  const atoms: DateAtom[] = [];
  for (const token of tokenizeSpoken(text)) {
    const word = token.toLowerCase();
    if (FILLER_WORDS.has(word)) continue;
    const atom = atomOf(word);
    if (atom === undefined) return undefined;
    atoms.push(...(Array.isArray(atom) ? atom : [atom]));
  }
  return atoms;
}
