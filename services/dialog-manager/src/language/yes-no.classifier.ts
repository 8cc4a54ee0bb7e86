import { PhraseMatcher } from './phrase.matcher';
import { utteranceWords } from './utterance.words';

export type YesNoAnswer = 'yes' | 'no' | 'unclear';

/**
 * Answers to a yes-no question. Longer phrases win over the words inside them ("that's not right"
 * is a no, "not sure" is unclear, "no problem" is a yes).
 */
const matcher = new PhraseMatcher<'yes' | 'no' | 'unclear'>({
  yes: [
    'yes', 'yeah', 'yep', 'yup', 'yes please', 'sure', 'of course', 'okay', 'all right', 'right', "that's right",
    'that is right', 'correct', "that's correct", 'that is correct', 'exactly', 'absolutely', 'definitely',
    'certainly', 'affirmative', 'uh huh', 'mm hm', 'go ahead', 'sounds good', 'please do', 'why not', 'i think so',
    'i guess so', 'no problem', "don't mind", "i don't mind", "wouldn't mind", "that's me", 'this is he', 'this is she', 'speaking', 'it is', 'i do',
    'i am', 'that works', 'true', 'indeed',
  ],
  no: [
    'no', 'nope', 'nah', 'uh uh', 'no thanks', 'no thank you', 'not now', 'not today', 'not really', 'not at all',
    'not interested', "i'm not interested", 'never', 'negative', 'no way', 'of course not', 'wrong', "that's wrong",
    'incorrect', "that's incorrect", "that's not right", 'that is not right', "that's not correct", 'not correct',
    "that's not me", "i don't think so", 'i do not', "i don't", "don't", 'i am not', "i'm not", "it's not", 'it is not',
    'please stop', 'rather not', "i'd rather not", 'false',
  ],
  unclear: [
    'maybe', 'perhaps', 'not sure', "i'm not sure", 'i am not sure', "i don't know", 'i do not know', 'dunno',
    'possibly', 'it depends', 'depends', 'kind of', 'sort of', 'i guess',
  ],
});

/**
 * Reads an answer to a yes-no question: "yeah sure" and "that's right" are yes, "nope" and "not
 * now" are no; hedges, both at once ("yes, no, wait") or neither are unclear.
 */
export function classifyYesNo(text: string): YesNoAnswer {
  const labels = new Set(matcher.matches(utteranceWords(text)).map((match) => match.label));
  if (labels.has('unclear')) return 'unclear';
  if (labels.has('yes') && labels.has('no')) return 'unclear';
  if (labels.has('yes')) return 'yes';
  if (labels.has('no')) return 'no';
  return 'unclear';
}
