import { clearSlots } from '../../session';
import { rememberClientProfile } from '../client-profile.facts';
import { ENGINE_POLICY } from '../engine.policy';
import { ENGINE_PHRASES } from '../engine.phrases';
import { FACT } from '../engine-fact.names';
import { outcome, resultString, slotValue, type StageBehaviour } from '../stage.behaviour';

/**
 * VERIFY: the confirmed date of birth is checked by get_client_profile; a mismatch asks once
 * more, a second ends the call through the wrong-person close, which says nothing about the client.
 */
export const VERIFY_STAGE: StageBehaviour = {
  complete(turn) {
    turn.callTool('get_client_profile', { clientId: turn.clientId, dateOfBirth: slotValue(turn, 'dateOfBirth') }, 'verify-profile');
    return undefined;
  },
  continuations: {
    'verify-profile'(turn, result) {
      if (result.ok && resultString(result.result, 'dateOfBirthCheck') === 'match') {
        rememberClientProfile(turn, result.result);
        return outcome('verified');
      }
      const mismatches = Number(turn.fact(FACT.verificationMismatches) ?? '0') + 1;
      turn.remember({ [FACT.verificationMismatches]: String(mismatches) });
      if (mismatches >= ENGINE_POLICY.verificationMismatchLimit || (!result.ok && result.code === 'not_found')) return outcome('failed');
      turn.update((session) => clearSlots(session, ['dateOfBirth']));
      turn.say(ENGINE_PHRASES.verificationMismatch);
      return undefined;
    },
  },
};
