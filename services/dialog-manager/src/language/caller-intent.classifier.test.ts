import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyCallerIntent, type CallerIntent } from './caller-intent.classifier';

describe('classifyCallerIntent', () => {
  const cases: [text: string, intent: CallerIntent | undefined][] = [
    ['Stop calling me.', 'opt-out'],
    ['please take me off your list', 'opt-out'],
    ["Don't call me again", 'opt-out'],
    ['dont call me again', 'opt-out'],
    ['remove my number', 'opt-out'],
    ['put me on your do not call list', 'opt-out'],
    ['I want to talk to a person', 'human'],
    ['a human please', 'human'],
    ['Representative!', 'human'],
    ['agent please', 'human'],
    ['can I talk to someone', 'human'],
    ['I have chest pain', 'emergency'],
    ["I can't breathe", 'emergency'],
    ['I think I am having a heart attack', 'emergency'],
    ["I'm bleeding a lot", 'emergency'],
    ['my wife is having a stroke', 'emergency'],
    ['What?', 'confusion'],
    ['huh?', 'confusion'],
    ['um, what?', 'confusion'],
    ["I don't understand", 'confusion'],
    ['what do you mean', 'confusion'],
    // Precedence: opt-out over everything, emergency over human and confusion.
    ['stop calling me, I have chest pain', 'opt-out'],
    ['I need a human, I have chest pain', 'emergency'],
    ["what? I don't understand, let me talk to a person", 'human'],
    ['take me off your list, I want a representative', 'opt-out'],
    // Nothing cross-cutting.
    ['uh-huh', undefined],
    ['what time do you open', undefined],
    ['call me tomorrow', undefined],
    ['stop', undefined],
    ['my emergency contact is my sister', undefined],
    ['it is not an emergency', undefined],
    ['yes', undefined],
    ['', undefined],
  ];
  for (const [text, intent] of cases) {
    it(`${JSON.stringify(text)} → ${intent ?? 'none'}`, () => assert.equal(classifyCallerIntent(text).intent, intent));
  }

  it('reports every intent detected, by precedence', () => {
    assert.deepEqual(classifyCallerIntent("what? stop calling me, I can't breathe, get me a person").detected, [
      'opt-out',
      'emergency',
      'human',
    ]);
    assert.deepEqual(classifyCallerIntent('hello there'), { intent: undefined, detected: [] });
  });
});
