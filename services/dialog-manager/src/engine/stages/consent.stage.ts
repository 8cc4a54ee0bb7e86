import { ENGINE_POLICY } from '../engine.policy';
import type { EngineTurn } from '../engine.turn';
import { outcome, slotValue, type StageBehaviour } from '../stage.behaviour';

function recordConsent(turn: EngineTurn, granted: boolean): void {
  const clientId = turn.clientId;
  if (clientId === undefined) return;
  // Recorded without waiting: nothing that follows depends on the answer.
  turn.callTool('record_consent', { clientId, scope: ENGINE_POLICY.consentScope, granted });
}

/** CONSENT: a yes or no, recorded either way. */
export const CONSENT_STAGE: StageBehaviour = {
  complete(turn) {
    const granted = slotValue(turn, 'consentGiven') === 'yes';
    recordConsent(turn, granted);
    return outcome(granted ? 'granted' : 'refused');
  },
};
