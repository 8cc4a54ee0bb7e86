import { offerCallback } from '../callback.offer';
import { ENGINE_PHRASES } from '../engine.phrases';
import { FACT } from '../engine-fact.names';
import { outcome, resultString, slotValue, type StageBehaviour } from '../stage.behaviour';

const UNNAMED_CALLER = 'Caller did not give a name';

/** MESSAGE: the message, then a callback number read back, handed to take_message. */
export const MESSAGE_STAGE: StageBehaviour = {
  complete(turn) {
    const clientId = turn.clientId;
    turn.callTool(
      'take_message',
      {
        callerName: turn.fact(FACT.callerName) ?? UNNAMED_CALLER,
        callbackPhone: slotValue(turn, 'callbackPhone'),
        body: slotValue(turn, 'message'),
        urgency: 'routine',
        ...(clientId === undefined ? {} : { clientId }),
      },
      'message',
    );
    return undefined;
  },
  continuations: {
    message(turn, result) {
      if (result.ok) return outcome('taken');
      offerCallback(turn, 'unavailable');
      return undefined;
    },
  },
};

/** TRANSFER: transfer_to_human finds the office line; without one, a message is taken instead. */
export const TRANSFER_STAGE: StageBehaviour = {
  enter(turn) {
    turn.sayStageLine('enter');
    const clientId = turn.clientId;
    turn.callTool('transfer_to_human', { reason: 'caller asked for a person', target: 'office', ...(clientId === undefined ? {} : { clientId }) }, 'transfer');
    return undefined;
  },
  continuations: {
    transfer(turn, result) {
      const target = result.ok ? resultString(result.result, 'target') : undefined;
      if (target === undefined) {
        turn.say(ENGINE_PHRASES.transferUnavailable);
        return outcome('unavailable');
      }
      turn.transfer(target);
      return undefined;
    },
  },
};
