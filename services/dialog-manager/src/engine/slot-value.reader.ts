import type { SlotDefinition } from '../flows';
import { classifyYesNo, normalizeDateOfBirth, normalizeMemberId, normalizePhoneNumber } from '../language';
import { PhraseMatcher } from '../language/phrase.matcher';
import { utteranceWords } from '../language/utterance.words';
import { readChoice } from './choice.vocabulary';

export type SlotReading =
  | { readonly kind: 'value'; readonly value: string }
  /** The caller declined an optional question ("none", "I don't have one"). */
  | { readonly kind: 'skipped' }
  | { readonly kind: 'unreadable' };

export interface SlotReadingContext {
  readonly today: string;
  /** The caller's own number, for "this number". */
  readonly remoteNumber: string;
  /** Whether the question may be declined. */
  readonly skippable: boolean;
}

const declines = new PhraseMatcher({
  decline: [
    'no', 'nope', 'none', 'nothing', 'no thanks', 'no thank you', 'skip', 'skip it', 'pass', 'not really', "i don't have one",
    "i don't have any", "don't have one", "don't have any", 'i have none', 'no insurance', "i don't have insurance",
    "i'm uninsured", 'uninsured', 'self pay', "i'd rather not", 'rather not', "i'd rather not say", 'prefer not to say', 'not applicable',
  ],
  filler: ['um', 'uh', 'well', 'actually', 'sorry', 'i', 'have'],
});
const ownNumber = new PhraseMatcher({
  own: ['this number', 'this one', 'the same number', 'same number', "the number i'm calling from", 'the number i am calling from', 'this phone', 'this line'],
  filler: ['um', 'uh', 'you', 'can', 'use', 'just', 'call', 'me', 'at', 'on', 'is', 'fine', "it's", 'reach', 'yes', 'yeah', 'the', 'best', 'okay'],
});
const nameLeadIns = /^(?:(?:yes|yeah|sure|okay|hi|hello)[,.!]?\s+)?(?:my name is|my name's|the name is|the patient is|the patient's name is|this is|it's|it is|i'm|i am|name is)\s+/i;

function declined(text: string): boolean {
  const words = utteranceWords(text);
  return declines.coversAll(words) && declines.matches(words).some((match) => match.label === 'decline');
}

function freeText(slot: SlotDefinition, text: string): string | undefined {
  let value = text.trim().replace(/[.!?]+$/, '');
  if (/Name$/.test(slot.name)) value = value.replace(nameLeadIns, '').trim();
  return value === '' ? undefined : value;
}

function phone(text: string, context: SlotReadingContext): string | undefined {
  const words = utteranceWords(text);
  const saysOwn = ownNumber.coversAll(words) && ownNumber.matches(words).some((match) => match.label === 'own');
  if (saysOwn) return normalizePhoneNumber(context.remoteNumber);
  return normalizePhoneNumber(text);
}

function valueOf(slot: SlotDefinition, text: string, context: SlotReadingContext): string | undefined {
  switch (slot.kind) {
    case 'date-of-birth':
      return normalizeDateOfBirth(text, { today: context.today });
    case 'member-id':
      return normalizeMemberId(text);
    case 'phone':
      return phone(text, context);
    case 'yes-no': {
      const answer = classifyYesNo(text);
      return answer === 'unclear' ? undefined : answer;
    }
    case 'choice':
      return readChoice(text, slot.choices ?? []);
    case 'free-text':
      return freeText(slot, text);
    case 'slot-time':
      // Times are picked among the ones offered (slot-time.picker), not read from words alone.
      return undefined;
  }
}

/** What the caller's words give for a slot: a normalised value, a decline, or nothing usable (never a guess). */
export function readSlotValue(slot: SlotDefinition, text: string, context: SlotReadingContext): SlotReading {
  if (context.skippable && slot.kind !== 'yes-no' && declined(text)) return { kind: 'skipped' };
  const value = valueOf(slot, text, context);
  return value === undefined ? { kind: 'unreadable' } : { kind: 'value', value };
}
