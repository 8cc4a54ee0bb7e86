import { offerCallback } from '../callback.offer';
import { rememberClientProfile } from '../client-profile.facts';
import { FACT } from '../engine-fact.names';
import type { EngineTurn } from '../engine.turn';
import { outcome, slotValue, type StageBehaviour } from '../stage.behaviour';

function clientIdOf(turn: EngineTurn): string {
  const clientId = turn.context.clientId;
  if (clientId === undefined) throw new Error('an outbound call needs the clientId of the client called');
  return clientId;
}

/** INTRO: looks the client up (for their first name) before the first word, then asks for them by name. */
export const INTRO_STAGE: StageBehaviour = {
  enter(turn) {
    if (turn.fact(FACT.clientFirstName) !== undefined) {
      turn.sayStageLine('enter');
      return undefined;
    }
    turn.callTool('get_client_profile', { clientId: clientIdOf(turn) }, 'intro-profile');
    return undefined;
  },
  complete: (turn) => outcome(slotValue(turn, 'isClient') === 'yes' ? 'reached' : 'wrongPerson'),
  continuations: {
    'intro-profile'(turn, result) {
      if (result.ok) rememberClientProfile(turn, result.result);
      if (turn.fact(FACT.clientFirstName) === undefined) offerCallback(turn, 'unavailable');
      else turn.sayStageLine('enter');
      return undefined;
    },
  },
};
