import { classifyYesNo } from '../../language';
import { readChoice } from '../choice.vocabulary';
import { captureFromText } from '../slot-capture';
import { outcome, type StageBehaviour } from '../stage.behaviour';

const HOUSEHOLDS = ['individual', 'spouse', 'family'];

/** QUALIFY: household (and timing, when said); a plain no means not interested after all. */
export const QUALIFY_STAGE: StageBehaviour = {
  answer(turn, text) {
    if (readChoice(text, HOUSEHOLDS) === undefined && classifyYesNo(text) === 'no') return outcome('notInterested');
    return captureFromText(turn, text) === 'complete' ? outcome('qualified') : undefined;
  },
  complete: () => outcome('qualified'),
};
