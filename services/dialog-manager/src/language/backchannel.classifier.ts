import { PhraseMatcher } from './phrase.matcher';
import { utteranceWords } from './utterance.words';

/** Short acknowledgements and hesitation sounds: said over the agent, they are not an interruption. */
const BACKCHANNEL_PHRASES = [
  'uh huh', 'mm hm', 'mm hmm', 'mm', 'hm', 'um', 'uh', 'er', 'ah', 'oh',
  'okay', 'all right', 'right', 'yeah', 'yes', 'yep', 'yup', 'sure', 'got it', 'gotcha', 'i see',
  'cool', 'great', 'good', 'fine', 'makes sense', 'i got it', 'oh okay', 'oh i see',
];

/** Words that interrupt on their own, whatever else was said. */
const STOP_PHRASES = ['stop', 'wait', 'hold on', 'hang on', 'no', 'excuse me'];

const backchannel = new PhraseMatcher({ backchannel: BACKCHANNEL_PHRASES });
const stop = new PhraseMatcher({ stop: STOP_PHRASES });

/** Words of caller speech over agent audio it takes to interrupt, unless they are all backchannel. */
export const BARGE_IN_MIN_WORDS = 2;

export interface BargeInOptions {
  readonly minWords?: number;
}

/** "uh-huh", "mm-hm", "okay", "right", "yeah", "got it", "I see": nothing but acknowledgement. */
export function isBackchannel(text: string): boolean {
  return backchannel.coversAll(utteranceWords(text));
}

/**
 * Whether caller speech heard while the agent talks (interim transcript) should cut the agent off:
 * a stop word ("stop", "wait", "hold on", "no"), or at least minWords words that are not all
 * backchannel.
 */
export function isBargeIn(interimText: string, options: BargeInOptions = {}): boolean {
  const words = utteranceWords(interimText);
  if (stop.matches(words).length > 0) return true;
  return words.length >= (options.minWords ?? BARGE_IN_MIN_WORDS) && !backchannel.coversAll(words);
}
