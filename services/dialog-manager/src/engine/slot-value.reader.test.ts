import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SlotDefinition } from '../flows';
import { readSlotValue, type SlotReading } from './slot-value.reader';

const context = { today: '2025-06-01', remoteNumber: '+15551234567', skippable: false };
const slot = (kind: SlotDefinition['kind'], name = 'value', choices?: string[]): SlotDefinition => ({
  name,
  kind,
  required: true,
  readBack: false,
  ...(choices === undefined ? {} : { choices }),
});
const value = (text: string): SlotReading => ({ kind: 'value', value: text });
const unreadable: SlotReading = { kind: 'unreadable' };

describe('slot value reader', () => {
  const cases: [label: string, slot: SlotDefinition, text: string, expected: SlotReading, skippable?: boolean][] = [
    ['a spoken date of birth', slot('date-of-birth'), 'march third fifty two', value('1952-03-03')],
    ['no date in the words', slot('date-of-birth'), 'I would rather not', unreadable],
    ['a spelled member id', slot('member-id'), 'x o f eight four five one two', value('XOF84512')],
    ['a spoken phone number', slot('phone'), 'five five five one two three four five six seven', value('+15551234567')],
    ['"this number" for a phone', slot('phone'), 'you can use this number', value('+15551234567')],
    ['a yes', slot('yes-no'), "yeah that's me", value('yes')],
    ['an unclear yes-no', slot('yes-no'), 'maybe', unreadable],
    ['a household', slot('choice', 'household', ['individual', 'spouse', 'family']), 'me and my wife', value('spouse')],
    ['two households at once', slot('choice', 'household', ['individual', 'spouse', 'family']), 'just me or my family', unreadable],
    ['a name without its lead-in', slot('free-text', 'patientName'), "My name's Jane Doe.", value('Jane Doe')],
    ['free text kept as said', slot('free-text', 'reasonForVisit'), 'no appetite for a week', value('no appetite for a week')],
    ['a declined optional answer', slot('free-text', 'payer'), "I don't have insurance", { kind: 'skipped' }, true],
    ['a declined required answer', slot('free-text', 'patientName'), 'no', value('no')],
    ['a time without offered times', slot('slot-time'), 'tuesday', unreadable],
  ];
  for (const [label, definition, text, expected, skippable] of cases) {
    it(label, () => {
      assert.deepEqual(readSlotValue(definition, text, { ...context, skippable: skippable ?? false }), expected);
    });
  }
});
