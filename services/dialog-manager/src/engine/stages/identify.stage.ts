import { rememberClientProfile } from '../client-profile.facts';
import { isSkipped } from '../slot-capture';
import { outcome, resultString, slotValue, type StageBehaviour } from '../stage.behaviour';

/**
 * IDENTIFY: the caller's number and confirmed date of birth are looked up together; only a
 * match identifies them. Either way the call goes on to what they need.
 */
export const IDENTIFY_STAGE: StageBehaviour = {
  complete(turn) {
    if (isSkipped(turn, 'dateOfBirth')) return outcome('declined');
    turn.callTool('get_client_profile', { phoneNumber: turn.context.remoteNumber, dateOfBirth: slotValue(turn, 'dateOfBirth') }, 'identify-profile');
    return undefined;
  },
  continuations: {
    'identify-profile'(turn, result) {
      if (!result.ok || resultString(result.result, 'dateOfBirthCheck') !== 'match') return outcome('notFound');
      rememberClientProfile(turn, result.result);
      return outcome('identified');
    },
  },
};
