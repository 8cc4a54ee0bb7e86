import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClauseSplitter, type ClauseSplitterOptions } from './clause.splitter';

/** Streams tokens through a splitter; returns the segments in order, flush last. */
function split(tokens: readonly string[], options: ClauseSplitterOptions): string[] {
  const splitter = new ClauseSplitter(options);
  const segments = tokens.flatMap((token) => splitter.push(token));
  const rest = splitter.flush();
  return rest === undefined ? segments : [...segments, rest];
}

/** Every character a separate token: the worst case for look-ahead. */
const chars = (text: string) => [...text];
/** Word-sized tokens with their leading space, as LLMs stream them. */
const words = (text: string) => text.split(/(?=\s)/);

const OPTIONS: ClauseSplitterOptions = { minChars: 20, firstMinChars: 20 };

describe('ClauseSplitter', () => {
  const cases: [name: string, text: string, expected: string[]][] = [
    ['sentences', 'Hello there. How are you? Great!', ['Hello there.', 'How are you?', 'Great!']],
    ['Dr. and Mr. and Mrs.', 'Dr. Smith sees Mr. and Mrs. Jones. Next.', ['Dr. Smith sees Mr. and Mrs. Jones.', 'Next.']],
    ['St.', 'We are on Main St. near the park. Come by.', ['We are on Main St. near the park.', 'Come by.']],
    ['a.m. and p.m.', 'Open 9 a.m. to 5 p.m. daily. Thanks.', ['Open 9 a.m. to 5 p.m. daily.', 'Thanks.']],
    ['prices', 'It costs $12.50 a month. Okay?', ['It costs $12.50 a month.', 'Okay?']],
    ['decimals', 'About 3.5 percent. Fine.', ['About 3.5 percent.', 'Fine.']],
    ['e.g.', 'Plans, e.g. dental, cost less. Yes.', ['Plans, e.g. dental, cost less.', 'Yes.']],
    ['ellipsis', 'Well... let me check. Done.', ['Well... let me check.', 'Done.']],
    ['unicode ellipsis', 'Well\u2026 let me check. Done.', ['Well\u2026 let me check.', 'Done.']],
    ['clause after minChars', 'I found two open times for you, Tuesday or Wednesday.', ['I found two open times for you,', 'Tuesday or Wednesday.']],
    ['short clause kept whole', 'Yes, Tuesday works; see you.', ['Yes, Tuesday works; see you.']],
    ['thousands and times', 'It is 1,200 dollars at 10:30 today.', ['It is 1,200 dollars at 10:30 today.']],
    ['quotes stay with sentence', 'She said "yes." Then left.', ['She said "yes."', 'Then left.']],
    ['line breaks', 'First item\nSecond item', ['First item', 'Second item']],
    ['no punctuation', 'just some words', ['just some words']],
    ['?! run', 'Really?! Wow.', ['Really?!', 'Wow.']],
  ];

  for (const [name, text, expected] of cases) {
    it(`${name} (character tokens)`, () => assert.deepEqual(split(chars(text), OPTIONS), expected));
    it(`${name} (word tokens)`, () => assert.deepEqual(split(words(text), OPTIONS), expected));
  }

  it('holds a period until the next character decides it', () => {
    const splitter = new ClauseSplitter(OPTIONS);
    assert.deepEqual(splitter.push('It is 3.'), []);
    assert.deepEqual(splitter.push('5 now. '), ['It is 3.5 now.']);
    assert.equal(splitter.flush(), undefined);
  });

  it('ends the first segment early, then waits for minChars', () => {
    const options = { minChars: 30, firstMinChars: 5 };
    assert.deepEqual(split(words('Sure, I can help, and then we can look at a few times, okay.'), options), [
      'Sure,',
      'I can help, and then we can look at a few times,',
      'okay.',
    ]);
  });

  it('defaults the first minimum below minChars', () => {
    assert.deepEqual(split(words('Okay, so here is what I found for you today.'), { minChars: 40 }), [
      'Okay,',
      'so here is what I found for you today.',
    ]);
  });

  it('cuts a long run without punctuation at a space when maxChars is set', () => {
    assert.deepEqual(split(words('one two three four five six seven'), { minChars: 10, maxChars: 14 }), [
      'one two three',
      'four five six',
      'seven',
    ]);
  });

  it('is ready for a new turn after flush, first-segment minimum included', () => {
    const splitter = new ClauseSplitter({ minChars: 30, firstMinChars: 3 });
    assert.deepEqual(splitter.push('Hi, there '), ['Hi,']);
    assert.equal(splitter.flush(), 'there');
    assert.deepEqual(splitter.push('Yo, again '), ['Yo,']);
  });

  it('returns nothing for whitespace only', () => {
    const splitter = new ClauseSplitter(OPTIONS);
    assert.deepEqual(splitter.push('   \n '), []);
    assert.equal(splitter.flush(), undefined);
  });
});
