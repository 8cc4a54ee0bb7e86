import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyYesNo, type YesNoAnswer } from './yes-no.classifier';

describe('classifyYesNo', () => {
  const cases: [text: string, expected: YesNoAnswer][] = [
    ['yes', 'yes'],
    ['Yeah, sure.', 'yes'],
    ["That's right", 'yes'],
    ['thats correct', 'yes'],
    ['uh-huh', 'yes'],
    ['sure, go ahead', 'yes'],
    ['yes please', 'yes'],
    ['no problem', 'yes'],
    ["I don't mind", 'yes'],
    ['speaking', 'yes'],
    ['nope', 'no'],
    ['No.', 'no'],
    ['not now', 'no'],
    ['no thanks, not interested', 'no'],
    ["that's not right", 'no'],
    ["I don't think so", 'no'],
    ['of course not', 'no'],
    ['uh-uh', 'no'],
    ['maybe', 'unclear'],
    ["I'm not sure", 'unclear'],
    ["I don't know", 'unclear'],
    ['yes no', 'unclear'],
    ["no, that's right", 'unclear'],
    ['what time is it', 'unclear'],
    ['', 'unclear'],
    ['yesterday', 'unclear'],
    ['nobody', 'unclear'],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(classifyYesNo(text), expected));
  }
});
