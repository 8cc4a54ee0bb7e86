import { PhraseMatcher } from '../language/phrase.matcher';
import { utteranceWords } from '../language/utterance.words';

/**
 * Words that name each choice a flow's 'choice' slots accept (by choice identifier). A choice
 * without words here can only be picked by its own name.
 */
export const CHOICE_PHRASES: Readonly<Record<string, readonly string[]>> = {
  individual: ['just me', 'only me', 'just myself', 'myself', 'me alone', 'just for me', 'only for me', 'individual', 'single', 'just for myself', 'only myself'],
  spouse: ['spouse', 'my spouse', 'my wife', 'my husband', 'my partner', 'me and my wife', 'me and my husband', 'the two of us', 'both of us', 'couple', 'us two'],
  family: ['family', 'my family', 'whole family', 'the family', 'the kids', 'my kids', 'my children', 'everyone', 'all of us'],
  soon: ['soon', 'right away', 'asap', 'as soon as possible', 'now', 'right now', 'immediately', 'next month', 'this month', 'quickly'],
  nextFewMonths: ['next few months', 'few months', 'in a few months', 'later this year', 'couple of months', 'couple months', 'in a while'],
  justLooking: ['just looking', 'looking around', 'browsing', 'not sure yet', 'no rush', 'just curious', 'shopping around'],
  faq: [
    'question', 'a question', 'ask', 'hours', 'open', 'opening hours', 'office hours', 'when are you open', 'insurance', 'accept',
    'take my insurance', 'location', 'locations', 'where are you', 'address', 'directions', 'parking', 'closed',
  ],
  booking: ['appointment', 'book', 'booking', 'schedule', 'reschedule', 'move my appointment', 'cancel my appointment', 'see the doctor', 'see someone', 'come in', 'set up a call', 'meeting'],
  intake: ['new patient', 'intake', 'register', 'registration', 'sign up', 'become a patient', 'first visit', 'get set up'],
  message: ['message', 'leave a message', 'take a message', 'call me back', 'callback', 'call back', 'have someone call me'],
  transfer: ['transfer', 'put me through', 'connect me'],
  book: ['book', 'new appointment', 'a new one', 'new one', 'make an appointment', 'schedule', 'set up'],
  reschedule: ['reschedule', 'move', 'change', 'different time', 'another time'],
  cancel: ['cancel', 'call off'],
};

/** The words that say what an FAQ is about, beyond "I have a question". */
export const FAQ_TOPIC_PHRASES: readonly string[] = [
  'hours', 'open', 'opening hours', 'office hours', 'when are you open', 'insurance', 'accept', 'take my insurance', 'location',
  'locations', 'where are you', 'address', 'directions', 'parking', 'closed',
];

const matchers = new Map<string, PhraseMatcher<string>>();

function matcherFor(choices: readonly string[]): PhraseMatcher<string> {
  const key = choices.join('|');
  const cached = matchers.get(key);
  if (cached !== undefined) return cached;
  const phrases = Object.fromEntries(choices.map((choice) => [choice, [...(CHOICE_PHRASES[choice] ?? []), choice]]));
  const matcher = new PhraseMatcher<string>(phrases);
  matchers.set(key, matcher);
  return matcher;
}

/** The one choice the words name; undefined when none or several different ones are named. */
export function readChoice(text: string, choices: readonly string[]): string | undefined {
  const named = new Set(matcherFor(choices).matches(utteranceWords(text)).map((match) => match.label));
  return named.size === 1 ? [...named][0] : undefined;
}

const faqTopics = new PhraseMatcher({ topic: FAQ_TOPIC_PHRASES });

/** Whether an utterance already says what the FAQ is about ("what are your hours?"). */
export function namesFaqTopic(text: string): boolean {
  return faqTopics.matches(utteranceWords(text)).length > 0;
}
