import { DOUBLE_U_WORDS, LETTER_NAMES, NATO_WORDS } from './letter-name.vocabulary';
import { DIGIT_WORDS, REPEAT_WORDS, TEEN_WORDS, TENS_WORDS, ZERO_LETTER_WORDS } from './spoken-number.vocabulary';
import { tokenizeSpoken } from './spoken-text.tokenizer';

export interface SpokenCharactersOptions {
  /** Whether letters are expected (member ids) or only digits (phone numbers). */
  readonly letters: boolean;
  /** Lower-case words that carry no character ("my", "number", "is"); ignored wherever they appear. */
  readonly fillers: ReadonlySet<string>;
}

const SINGLE_LETTER = /^[a-z]$/;
const UPPER_CASE_LETTERS = /^[A-Z]{2,}$/;
const WRITTEN_DIGITS = /^\d+$/;
const WRITTEN_ALPHANUMERIC = /^[A-Za-z0-9]*\d[A-Za-z0-9]*$/;

/** Reads tokens left to right; each step consumes one or more tokens and appends characters. */
class CharacterReader {
  private readonly words: string[];
  private index = 0;
  private text = '';

  constructor(
    private readonly tokens: readonly string[],
    private readonly options: SpokenCharactersOptions,
  ) {
    this.words = tokens.map((token) => token.toLowerCase());
  }

  read(): string | undefined {
    while (this.index < this.tokens.length) {
      if (!this.step()) return undefined;
    }
    return this.text;
  }

  /** One unit; false when the words are not a spelling we can read without guessing. */
  private step(): boolean {
    const word = this.words[this.index]!;
    if (this.options.fillers.has(word)) {
      this.index += 1;
      return true;
    }
    const repeat = REPEAT_WORDS.get(word);
    if (repeat !== undefined) return this.repeated(repeat);
    const unit = this.unit();
    if (unit === undefined) return false;
    this.text += unit;
    return true;
  }

  /** "double five" → "55", "triple oh" → "000", "double u" → "W". */
  private repeated(times: number): boolean {
    this.index += 1;
    const next = this.words[this.index];
    if (next === undefined) return false;
    if (this.options.letters && times === 2 && DOUBLE_U_WORDS.has(next)) {
      this.index += 1;
      this.text += 'W';
      return true;
    }
    const unit = this.unit();
    if (unit === undefined || unit.length !== 1) return false;
    this.text += unit.repeat(times);
    return true;
  }

  /** The characters of the unit at the cursor, advancing past it. */
  private unit(): string | undefined {
    const token = this.tokens[this.index]!;
    const word = this.words[this.index]!;
    const next = this.words[this.index + 1];
    this.index += 1;
    const digit = DIGIT_WORDS.get(word);
    if (digit !== undefined) {
      if (next === 'hundred') {
        this.index += 1;
        return `${digit}00`;
      }
      return String(digit);
    }
    if (ZERO_LETTER_WORDS.has(word)) return this.zeroOrLetterO(word);
    const teen = TEEN_WORDS.get(word);
    if (teen !== undefined) return String(teen);
    const tens = TENS_WORDS.get(word);
    if (tens !== undefined) return this.tensGroup(tens, next);
    if (WRITTEN_DIGITS.test(token)) return token;
    if (this.options.letters) return this.letters(token, word, next);
    return undefined;
  }

  /**
   * "o"/"oh" is a zero in a phone number. In a member id, where letters are allowed, "o" is the
   * letter O and "oh" is a zero only right after a digit ("eight oh five"); the read-back confirms it.
   */
  private zeroOrLetterO(word: string): string {
    if (!this.options.letters) return '0';
    return word === 'oh' && /\d$/.test(this.text) ? '0' : 'O';
  }

  /** "forty five" → "45", "forty" → "40". */
  private tensGroup(tens: number, next: string | undefined): string {
    const unit = next === undefined ? undefined : DIGIT_WORDS.get(next);
    if (unit !== undefined && unit > 0) {
      this.index += 1;
      return String(tens + unit);
    }
    return String(tens);
  }

  private letters(token: string, word: string, next: string | undefined): string | undefined {
    if (word === 'x' && next === 'ray') {
      this.index += 1;
      return 'X';
    }
    const letter = SINGLE_LETTER.test(word) ? word.toUpperCase() : (LETTER_NAMES.get(word) ?? NATO_WORDS.get(word));
    if (letter !== undefined) return this.skipAsIn(letter) ? letter : undefined;
    // Recognisers write spelled-out acronyms in capitals ("XOF") and codes as one token ("XOF84512").
    if (UPPER_CASE_LETTERS.test(token) || WRITTEN_ALPHANUMERIC.test(token)) return token.toUpperCase();
    return undefined;
  }

  /** "b as in bravo": skips "as in <word>" after a letter; false when the word does not start with it. */
  private skipAsIn(letter: string): boolean {
    if (this.words[this.index] !== 'as' || this.words[this.index + 1] !== 'in') return true;
    const example = this.words[this.index + 2];
    if (example === undefined || example[0]?.toUpperCase() !== letter) return false;
    this.index += 3;
    return true;
  }
}

/**
 * The letters and digits a caller spelled out, upper case, or undefined when any word is neither
 * a character, a spelling aid ("double", "as in"), nor one of the given fillers.
 */
export function readSpokenCharacters(spoken: string, options: SpokenCharactersOptions): string | undefined {
  return new CharacterReader(tokenizeSpoken(spoken), options).read();
}
