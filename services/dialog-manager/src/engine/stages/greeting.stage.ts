import { FACT } from '../engine-fact.names';
import { isSkipped } from '../slot-capture';
import { outcome, slotValue, type StageBehaviour } from '../stage.behaviour';

/** GREETING: the caller's name, kept for messages; declining it is fine. */
export const GREETING_STAGE: StageBehaviour = {
  complete(turn) {
    if (isSkipped(turn, 'callerName')) return outcome('declined');
    turn.remember({ [FACT.callerName]: slotValue(turn, 'callerName') });
    return outcome('named');
  },
};
