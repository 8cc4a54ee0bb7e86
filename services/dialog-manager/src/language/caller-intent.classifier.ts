import { PhraseMatcher } from './phrase.matcher';
import { utteranceWords } from './utterance.words';

/** What a caller may say at any stage that overrides the stage's own flow. */
export type CallerIntent = 'opt-out' | 'emergency' | 'human' | 'confusion';

/** Highest first: an opt-out wins over everything, an emergency over the rest. */
export const CALLER_INTENT_PRECEDENCE: readonly CallerIntent[] = ['opt-out', 'emergency', 'human', 'confusion'];

export interface CallerIntentResult {
  /** The intent to act on, by precedence; undefined when none was said. */
  readonly intent: CallerIntent | undefined;
  /** Every intent detected, by precedence (an opt-out during an emergency still shows the emergency). */
  readonly detected: readonly CallerIntent[];
}

/**
 * Phrases that signal an intent wherever they appear in the utterance. "neutral" phrases contain
 * an intent's words but mean something else ("my emergency contact"); matched as one longer phrase,
 * they hide the shorter one.
 */
const contained = new PhraseMatcher<CallerIntent | 'neutral'>({
  neutral: [
    'emergency contact', 'emergency contacts', 'not an emergency', "isn't an emergency", 'no emergency',
    'stroke of luck', 'take me off hold',
  ],
  'opt-out': [
    'stop calling', 'quit calling', 'stop calling me', "don't call me", "don't call me again", 'do not call me',
    "don't call again", 'do not call again', 'never call me', 'never call me again', 'take me off', 'take me off your list',
    'take me off your calling list', 'remove my number', 'remove me', 'remove me from your list', 'do not call list',
    'unsubscribe', 'no more calls', 'lose my number', 'delete my number',
  ],
  emergency: [
    'chest pain', 'chest pains', 'my chest hurts', "can't breathe", 'can not breathe', 'trouble breathing',
    'hard to breathe', 'not breathing', 'stopped breathing', 'having a heart attack', 'heart attack right now',
    'bleeding a lot', 'bleeding heavily', 'bleeding badly', "won't stop bleeding", 'stroke', 'having a stroke',
    'overdose', 'overdosed', 'unconscious', 'passed out', 'seizure', 'choking', 'kill myself', 'suicide',
    'suicidal', '911', 'nine one one', 'emergency',
  ],
  human: [
    'a person', 'a human', 'real person', 'live person', 'human being', 'representative', 'agent please',
    'live agent', 'real agent', 'talk to an agent', 'speak to an agent', 'speak with an agent', 'talk to someone', 'speak to someone', 'talk with someone',
    'speak with someone', 'talk to somebody', 'speak to somebody', 'talk to a real', 'operator', 'customer service',
    'transfer me',
  ],
  confusion: [
    "i don't understand", 'i do not understand', "didn't understand", 'what do you mean', "i'm confused",
    'i am confused', "i don't get it", "didn't catch that", "didn't get that", 'say that again', 'repeat that',
    'what was that', 'what are you talking about', 'come again', 'i beg your pardon',
  ],
});

/** Utterances that signal confusion only when said alone: "what?", "huh?", "sorry?". */
const alone = new PhraseMatcher<'confusion' | 'filler'>({
  confusion: ['what', 'huh', 'sorry', 'pardon', 'excuse me', 'come again', 'what what'],
  // "uh huh" is one acknowledgement, never "uh" + "huh?".
  filler: ['um', 'uh', 'er', 'hm', 'oh', 'uh huh', 'mm hm'],
});

function saidAlone(words: readonly string[]): CallerIntent | undefined {
  const matches = alone.matches(words);
  const covers = alone.coversAll(words);
  return covers && matches.some((match) => match.label === 'confusion') ? 'confusion' : undefined;
}

/**
 * The cross-cutting intents in an utterance: opt-out ("stop calling me", "take me off your list"),
 * emergency ("chest pain", "can't breathe"), human ("a person", "representative", "talk to someone")
 * and confusion ("what?", "I don't understand"). Emergencies are matched without negation handling
 * on purpose: a needless 911 instruction costs less than a missed one.
 */
export function classifyCallerIntent(text: string): CallerIntentResult {
  const words = utteranceWords(text);
  const found = new Set<CallerIntent | 'neutral'>(contained.matches(words).map((match) => match.label));
  const lone = saidAlone(words);
  if (lone) found.add(lone);
  const detected = CALLER_INTENT_PRECEDENCE.filter((intent) => found.has(intent));
  return { intent: detected[0], detected };
}
