import { PhraseMatcher } from '../language/phrase.matcher';
import { utteranceWords } from '../language/utterance.words';
import { slotTimeParts, type SlotTimeParts } from './slot-time.format';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const HOUR_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, noon: 12,
};
const MINUTE_WORDS: Readonly<Record<string, number>> = { fifteen: 15, thirty: 30, half: 30, 'forty five': 45 };

const positions = new PhraseMatcher<'first' | 'second' | 'third' | 'last'>({
  first: ['first', 'the first', 'first one', '1st', 'earlier', 'earliest', 'sooner', 'former', 'earlier one', 'number one', 'option one'],
  second: ['second', 'second one', '2nd', 'number two', 'option two'],
  third: ['third', 'third one', '3rd', 'number three', 'option three'],
  last: ['last', 'last one', 'later', 'latter', 'later one', 'the other', 'other one'],
});
const periods = new PhraseMatcher<'AM' | 'PM'>({
  AM: ['am', 'a m', 'morning', 'in the morning'],
  PM: ['pm', 'p m', 'afternoon', 'evening', 'in the afternoon', 'noon'],
});

interface Constraint {
  readonly matches: (parts: SlotTimeParts, index: number, count: number) => boolean;
}

const CLOCK_LEAD_INS: ReadonlySet<string> = new Set(['at', 'about', 'around', 'by']);
const CLOCK_FOLLOWERS: ReadonlySet<string> = new Set(["o'clock", 'oclock', 'fifteen', 'thirty', 'forty', 'am', 'pm', 'a', 'p']);

/** "one" as in "the second one" or "the afternoon one", not one o'clock. */
function isPronounOne(words: readonly string[], index: number): boolean {
  if (words[index] !== 'one' || index === 0) return false;
  return !CLOCK_LEAD_INS.has(words[index - 1] ?? '') && !CLOCK_FOLLOWERS.has(words[index + 1] ?? '');
}

/** The words that may name a clock time: outside position phrases, without a pronoun "one". */
function clockWords(words: readonly string[]): string[] {
  const covered = new Set(positions.matches(words).flatMap((match) => Array.from({ length: match.length }, (_, offset) => match.start + offset)));
  return words.filter((_word, index) => !covered.has(index) && !isPronounOne(words, index));
}

function positionConstraint(words: readonly string[]): Constraint | undefined {
  const label = positions.matches(words)[0]?.label;
  if (label === undefined) return undefined;
  const wanted: Readonly<Record<typeof label, (count: number) => number>> = { first: () => 0, second: () => 1, third: () => 2, last: (count) => count - 1 };
  return { matches: (_parts, index, count) => index === wanted[label](count) };
}

function weekdayConstraint(words: readonly string[]): Constraint | undefined {
  const days = WEEKDAYS.filter((day) => words.includes(day) || words.includes(day.slice(0, 3)));
  return days.length === 1 ? { matches: (parts) => parts.weekday === days[0] } : undefined;
}

/** "ten", "10", "ten thirty", "10 30", "2pm", "half past two". */
function clockConstraint(words: readonly string[]): Constraint | undefined {
  const text = words.join(' ');
  const compact = /\b(\d{1,2})(?:\s?(\d{2}))?\s?(am|pm)?\b/.exec(text.replace(/\b(\d{1,2})(am|pm)\b/, '$1 $2'));
  let hour: number | undefined;
  let minute: number | undefined;
  if (compact !== null && Number(compact[1]) >= 1 && Number(compact[1]) <= 12) {
    hour = Number(compact[1]);
    minute = compact[2] === undefined ? undefined : Number(compact[2]);
  } else {
    const index = words.findIndex((word) => HOUR_WORDS[word] !== undefined);
    if (index === -1) return undefined;
    hour = HOUR_WORDS[words[index] ?? ''];
    const after = words.slice(index + 1, index + 3).join(' ');
    const minuteWord = Object.keys(MINUTE_WORDS).find((word) => after === word || after.startsWith(`${word} `));
    minute = minuteWord === undefined ? undefined : MINUTE_WORDS[minuteWord];
    if (words[index - 1] === 'past' && words[index - 2] === 'half') minute = 30;
  }
  return { matches: (parts) => parts.hour12 === hour && (minute === undefined || parts.minute === minute) };
}

function periodConstraint(words: readonly string[]): Constraint | undefined {
  const labels = new Set(periods.matches(words).map((match) => match.label));
  if (labels.size !== 1) return undefined;
  const [period] = [...labels];
  return { matches: (parts) => parts.dayPeriod === period };
}

/**
 * Which offered time the caller chose: "the first", "the second one", "Tuesday", "ten o'clock",
 * "Wednesday afternoon". Every clue said must fit; undefined unless exactly one time fits (a bare
 * "yes" picks only a single offered time, see the caller). Never a guess.
 */
export function pickOfferedSlot(text: string, offered: readonly string[], timeZone: string): string | undefined {
  const words = utteranceWords(text);
  const constraints = [positionConstraint(words), weekdayConstraint(words), clockConstraint(clockWords(words)), periodConstraint(words)].filter(
    (constraint): constraint is Constraint => constraint !== undefined,
  );
  if (constraints.length === 0) return undefined;
  const fitting = offered.filter((startsAt, index) => {
    const parts = slotTimeParts(startsAt, timeZone);
    return constraints.every((constraint) => constraint.matches(parts, index, offered.length));
  });
  return fitting.length === 1 ? fitting[0] : undefined;
}
