export interface ClauseSplitterOptions {
  /** Characters a segment needs before , ; or : may end it. Sentences end on . ! ? whatever their length. */
  readonly minChars: number;
  /** The same minimum for the first segment of a turn, smaller so the first audio starts early. */
  readonly firstMinChars?: number;
  /** When set, a segment with no boundary is cut at the last space within this many characters. */
  readonly maxChars?: number;
}

/** First-segment minimum when none is given (never above minChars). */
export const DEFAULT_FIRST_MIN_CHARS = 5;

const SENTENCE_END = new Set(['.', '!', '?']);
const CLAUSE_END = new Set([',', ';', ':']);
/** Closing quotes and brackets stay with the sentence they end: `He said "yes."` */
const CLOSERS = new Set(['"', "'", ')', ']', '\u201d', '\u2019']);
/** Words whose trailing period does not end a sentence: "Dr. Smith", "e.g. dental". */
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'st', 'jr', 'sr', 'prof', 'vs', 'etc', 'approx', 'dept', 'ave', 'blvd', 'apt', 'inc', 'ltd', 'co',
]);
/** A single letter or dotted letters before a period: initials, "e.g.", "i.e.", "a.m.", "p.m.", "U.S.". */
const DOTTED_LETTERS = /^([a-z]\.)*[a-z]$/i;

const isSpace = (char: string) => /\s/.test(char);

/** The index after a run of the given characters starting at from. */
function extendThrough(text: string, from: number, chars: ReadonlySet<string>): number {
  let end = from;
  while (end < text.length && chars.has(text[end]!)) end += 1;
  return end;
}

function endsWithAbbreviation(text: string, periodIndex: number): boolean {
  const start = text.lastIndexOf(' ', periodIndex - 1) + 1;
  const word = text.slice(start, periodIndex).replace(/^[("'\u201c\u2018[]+/, '');
  return ABBREVIATIONS.has(word.toLowerCase()) || DOTTED_LETTERS.test(word);
}

/**
 * Cuts streamed LLM tokens into speakable segments, each sent to speech the moment it is complete.
 * A segment ends after . ! ? (not in "Dr. Smith", "a.m.", "$12.50", "3.5", "e.g." or an ellipsis),
 * after , ; : once it has minChars (firstMinChars for the turn's first segment), and at a line
 * break. Punctuation is only judged once the next character has arrived, so "3." + "5" stays whole.
 */
export class ClauseSplitter {
  private readonly minChars: number;
  private readonly firstMinChars: number;
  private readonly maxChars: number | undefined;
  private buffer = '';
  /** Index in buffer from which boundaries have not been ruled out yet. */
  private scanFrom = 0;
  private segmentsEmitted = 0;

  constructor(options: ClauseSplitterOptions) {
    this.minChars = options.minChars;
    this.firstMinChars = Math.min(options.firstMinChars ?? DEFAULT_FIRST_MIN_CHARS, options.minChars);
    this.maxChars = options.maxChars;
  }

  /** Adds a token; returns the segments it completed, in order (often none). */
  push(token: string): string[] {
    this.buffer += token;
    const segments: string[] = [];
    for (let end = this.nextBoundary(); end !== undefined; end = this.nextBoundary()) {
      const segment = this.buffer.slice(0, end).trim();
      this.buffer = this.buffer.slice(end);
      this.scanFrom = 0;
      if (segment.length > 0) {
        segments.push(segment);
        this.segmentsEmitted += 1;
      }
    }
    return segments;
  }

  /** The rest of the text at the end of the stream, if any; the splitter is then ready for a new turn. */
  flush(): string | undefined {
    const rest = this.buffer.trim();
    this.buffer = '';
    this.scanFrom = 0;
    this.segmentsEmitted = 0;
    return rest.length > 0 ? rest : undefined;
  }

  private nextBoundary(): number | undefined {
    return this.punctuationBoundary() ?? this.lengthBoundary();
  }

  private punctuationBoundary(): number | undefined {
    const text = this.buffer;
    for (let index = this.scanFrom; index < text.length; index += 1) {
      const char = text[index]!;
      if (char === '\n') {
        if (text.slice(0, index).trim().length > 0) return index + 1;
        continue;
      }
      if (!SENTENCE_END.has(char) && !CLAUSE_END.has(char)) continue;
      const runEnd = extendThrough(text, index, SENTENCE_END.has(char) ? SENTENCE_END : CLAUSE_END);
      const end = extendThrough(text, runEnd, CLOSERS);
      if (end >= text.length) {
        this.scanFrom = index;
        return undefined;
      }
      if (isSpace(text[end]!) && this.endsSegment(text, index, runEnd, end)) return end;
      index = end - 1;
    }
    this.scanFrom = text.length;
    return undefined;
  }

  private endsSegment(text: string, start: number, runEnd: number, end: number): boolean {
    const run = text.slice(start, runEnd);
    if (CLAUSE_END.has(run[0]!)) {
      return text.slice(0, end).trim().length >= (this.segmentsEmitted === 0 ? this.firstMinChars : this.minChars);
    }
    if (run.includes('..')) return false;
    return run !== '.' || !endsWithAbbreviation(text, start);
  }

  private lengthBoundary(): number | undefined {
    if (this.maxChars === undefined) return undefined;
    const leading = this.buffer.length - this.buffer.trimStart().length;
    if (this.buffer.length - leading <= this.maxChars) return undefined;
    const cut = this.buffer.lastIndexOf(' ', leading + this.maxChars);
    return cut > leading ? cut : undefined;
  }
}
