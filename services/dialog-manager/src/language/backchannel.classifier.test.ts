import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBackchannel, isBargeIn } from './backchannel.classifier';

describe('isBackchannel', () => {
  const cases: [text: string, expected: boolean][] = [
    ['uh-huh', true],
    ['Uh huh.', true],
    ['mm-hm', true],
    ['mhm', true],
    ['Okay.', true],
    ['OK', true],
    ['right', true],
    ['yeah', true],
    ['yes', true],
    ['sure', true],
    ['got it', true],
    ['I see.', true],
    ['oh okay, got it', true],
    ['all right', true],
    ['alright', true],
    ['', false],
    ['wait', false],
    ['okay but what about my plan', false],
    ['I see a doctor on Tuesdays', false],
    ['sure thing', false],
    ['rightly', false],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(isBackchannel(text), expected));
  }
});

describe('isBargeIn', () => {
  const cases: [interim: string, expected: boolean][] = [
    ['uh-huh', false],
    ['okay okay', false],
    ['yeah right', false],
    ['mm-hm, got it', false],
    ['actually', false],
    ['', false],
    ['stop', true],
    ['Wait!', true],
    ['hold on', true],
    ['no', true],
    ['okay wait', true],
    ['actually I', true],
    ['can you repeat the price', true],
    ['okay but', true],
    ['know', false],
    ['holding', false],
  ];
  for (const [interim, expected] of cases) {
    it(`${JSON.stringify(interim)} → ${expected}`, () => assert.equal(isBargeIn(interim), expected));
  }

  it('takes the word count from its options', () => {
    assert.equal(isBargeIn('actually I think', { minWords: 4 }), false);
    assert.equal(isBargeIn('actually I think so', { minWords: 4 }), true);
  });
});
