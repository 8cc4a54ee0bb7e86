import type { DateAtom } from './spoken-date.atoms';

/** One way to read a date: year may be two digits, resolved later against today. */
export interface DateReading {
  readonly year: number;
  readonly twoDigitYear: boolean;
  readonly month: number;
  readonly day: number;
}

interface Part<T> {
  readonly value: T;
  readonly next: number;
}

type Atoms = readonly DateAtom[];

const valueAt = (atoms: Atoms, index: number, kind: DateAtom['kind']): number | undefined => {
  const atom = atoms[index];
  return atom?.kind === kind && 'value' in atom ? atom.value : undefined;
};

const numeralAt = (atoms: Atoms, index: number): string | undefined => {
  const atom = atoms[index];
  return atom?.kind === 'numeral' ? atom.text : undefined;
};

/** Cardinal readings of a day or month number: "3", "03", "three", "zero three", "twelve", "twenty one". */
function cardinalParts(atoms: Atoms, index: number): Part<number>[] {
  const parts: Part<number>[] = [];
  const numeral = numeralAt(atoms, index);
  if (numeral !== undefined && numeral.length <= 2) parts.push({ value: Number(numeral), next: index + 1 });
  const digit = valueAt(atoms, index, 'digit');
  if (digit !== undefined) {
    parts.push({ value: digit, next: index + 1 });
    const second = valueAt(atoms, index + 1, 'digit');
    if (second !== undefined) parts.push({ value: digit * 10 + second, next: index + 2 });
  }
  parts.push(...spokenTwoDigitParts(atoms, index));
  return parts;
}

/** Numbers said as words from ten up: "fifteen", "fifty", "fifty two". */
function spokenTwoDigitParts(atoms: Atoms, index: number): Part<number>[] {
  const parts: Part<number>[] = [];
  const teen = valueAt(atoms, index, 'teen');
  if (teen !== undefined) parts.push({ value: teen, next: index + 1 });
  const tens = valueAt(atoms, index, 'tens');
  if (tens !== undefined) {
    parts.push({ value: tens, next: index + 1 });
    const unit = valueAt(atoms, index + 1, 'digit');
    if (unit !== undefined && unit > 0) parts.push({ value: tens + unit, next: index + 2 });
  }
  return parts;
}

/** Ordinal readings of a day: "3rd", "third", "twenty third". */
function ordinalParts(atoms: Atoms, index: number): Part<number>[] {
  const parts: Part<number>[] = [];
  const ordinal = valueAt(atoms, index, 'ordinal');
  if (ordinal !== undefined) parts.push({ value: ordinal, next: index + 1 });
  const tens = valueAt(atoms, index, 'tens');
  const unit = valueAt(atoms, index + 1, 'ordinal');
  if (tens !== undefined && unit !== undefined && unit < 10) parts.push({ value: tens + unit, next: index + 2 });
  return parts;
}

function dayParts(atoms: Atoms, index: number, ordinals: boolean): Part<number>[] {
  const parts = ordinals ? [...cardinalParts(atoms, index), ...ordinalParts(atoms, index)] : cardinalParts(atoms, index);
  return parts.filter((part) => part.value >= 1 && part.value <= 31);
}

function monthNumberParts(atoms: Atoms, index: number): Part<number>[] {
  return cardinalParts(atoms, index).filter((part) => part.value >= 1 && part.value <= 12);
}

function monthNameParts(atoms: Atoms, index: number): Part<number>[] {
  const month = valueAt(atoms, index, 'month');
  return month === undefined ? [] : [{ value: month, next: index + 1 }];
}

/** The last two digits of a year after its century: "fifty two", "oh five", "fifteen", "twenty". */
function yearTailParts(atoms: Atoms, index: number): Part<number>[] {
  const parts = spokenTwoDigitParts(atoms, index);
  const first = valueAt(atoms, index, 'digit');
  const second = valueAt(atoms, index + 1, 'digit');
  if (first !== undefined && second !== undefined) parts.push({ value: first * 10 + second, next: index + 2 });
  return parts;
}

interface YearValue {
  readonly year: number;
  readonly twoDigit: boolean;
}

function spokenDigitsValue(atoms: Atoms, index: number, count: number): number | undefined {
  let value = 0;
  for (let offset = 0; offset < count; offset += 1) {
    const digit = valueAt(atoms, index + offset, 'digit');
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/** Four-digit year readings: "1952", "nineteen fifty two", "nineteen oh five", "two thousand five", "one nine five two". */
function fullYearParts(atoms: Atoms, index: number): Part<YearValue>[] {
  const parts: Part<YearValue>[] = [];
  const full = (year: number, next: number) => parts.push({ value: { year, twoDigit: false }, next });
  const numeral = numeralAt(atoms, index);
  if (numeral?.length === 4) full(Number(numeral), index + 1);
  const century = valueAt(atoms, index, 'teen') ?? valueAt(atoms, index, 'tens');
  if (century !== undefined) {
    for (const tail of yearTailParts(atoms, index + 1)) full(century * 100 + tail.value, tail.next);
    if (atoms[index + 1]?.kind === 'hundred') full(century * 100, index + 2);
  }
  const thousands = valueAt(atoms, index, 'digit');
  if (thousands !== undefined && atoms[index + 1]?.kind === 'thousand') {
    full(thousands * 1000, index + 2);
    for (const rest of [...yearTailParts(atoms, index + 2), ...cardinalParts(atoms, index + 2)]) {
      if (rest.value < 100) full(thousands * 1000 + rest.value, rest.next);
    }
  }
  const spokenDigits = spokenDigitsValue(atoms, index, 4);
  if (spokenDigits !== undefined) full(spokenDigits, index + 4);
  return parts;
}

/** Two-digit year readings: "52", "fifty two", "five two", "oh five". */
function shortYearParts(atoms: Atoms, index: number): Part<YearValue>[] {
  const numeral = numeralAt(atoms, index);
  const written = numeral?.length === 2 ? [{ value: Number(numeral), next: index + 1 }] : [];
  return [...written, ...yearTailParts(atoms, index)].map((part) => ({
    value: { year: part.value, twoDigit: true },
    next: part.next,
  }));
}

function yearParts(atoms: Atoms, index: number): Part<YearValue>[] {
  return [...fullYearParts(atoms, index), ...shortYearParts(atoms, index)];
}

type PartParser<T> = (atoms: Atoms, index: number) => Part<T>[];

/** Every way to read all the atoms as three consecutive parts. */
function readSequence<A, B, C>(atoms: Atoms, first: PartParser<A>, second: PartParser<B>, third: PartParser<C>): [A, B, C][] {
  const sequences: [A, B, C][] = [];
  for (const a of first(atoms, 0)) {
    for (const b of second(atoms, a.next)) {
      for (const c of third(atoms, b.next)) {
        if (c.next === atoms.length) sequences.push([a.value, b.value, c.value]);
      }
    }
  }
  return sequences;
}

const reading = (month: number, day: number, year: YearValue): DateReading => ({
  month,
  day,
  year: year.year,
  twoDigitYear: year.twoDigit,
});

const dayWithOrdinals: PartParser<number> = (atoms, index) => dayParts(atoms, index, true);
const dayCardinal: PartParser<number> = (atoms, index) => dayParts(atoms, index, false);

/**
 * All readings of a date's atoms in the orders callers use: "March third fifty-two", "the third of
 * March 1952", "3/3/1952" or "zero three zero three …" (US month first), and "1952-03-03".
 * Readings may be impossible dates; the caller validates them and refuses ambiguity.
 */
export function readDate(atoms: Atoms): DateReading[] {
  return [
    ...readSequence(atoms, monthNameParts, dayWithOrdinals, yearParts).map(([m, d, y]) => reading(m, d, y)),
    ...readSequence(atoms, dayWithOrdinals, monthNameParts, yearParts).map(([d, m, y]) => reading(m, d, y)),
    ...readSequence(atoms, monthNumberParts, dayCardinal, yearParts).map(([m, d, y]) => reading(m, d, y)),
    ...readSequence(atoms, fullYearParts, monthNumberParts, dayCardinal).map(([y, m, d]) => reading(m, d, y)),
  ];
}
