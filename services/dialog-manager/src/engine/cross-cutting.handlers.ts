import { recordSilenceReprompt } from '../session';
import { offerCallback, repeatCallbackOffer } from './callback.offer';
import { FACT } from './engine-fact.names';
import type { EngineTurn } from './engine.turn';
import { repeatReadBack } from './slot-capture';
import { resultString, type Continuation } from './stage.behaviour';

/** The handlers that apply at any stage (flow.handlers): opt-out, emergency, a person, confusion, silence. */

export function handleOptOut(turn: EngineTurn): void {
  turn.sayTemplate(turn.context.flow.handlers.optOut.say);
  turn.callTool('add_to_dnc', { phoneNumber: turn.context.remoteNumber, reason: 'caller asked not to be called' });
  turn.hangUp('opt-out');
}

/** A machine answered: the voicemail (which names no client, so a stranger's machine learns nothing) and the end. */
export function handleAnsweringMachine(turn: EngineTurn, action: 'voicemail' | 'hang-up'): void {
  if (action === 'voicemail') turn.sayTemplate(turn.context.flow.handlers.answeringMachine.voicemailSay);
  turn.hangUp('answering-machine');
}

export function handleEmergency(turn: EngineTurn): void {
  turn.sayTemplate(turn.context.flow.handlers.emergency.say);
  turn.hangUp('emergency');
}

/** transfer_to_human finds the person (the broker, or the tenant's transfer number); the one place that decides. */
export function handleHuman(turn: EngineTurn): void {
  const human = turn.context.flow.handlers.human;
  const clientId = turn.clientId;
  turn.callTool(
    'transfer_to_human',
    { reason: 'caller asked for a person', target: human.transferToAssignedBroker ? 'broker' : 'office', ...(clientId === undefined ? {} : { clientId }) },
    'human-transfer',
  );
}

export const humanTransferAnswered: Continuation = (turn, outcome) => {
  const target = outcome.ok ? resultString(outcome.result, 'target') : undefined;
  if (target === undefined) {
    offerCallback(turn, 'human');
    return undefined;
  }
  turn.sayTemplate(turn.context.flow.handlers.human.transferSay);
  turn.transfer(target);
  return undefined;
};

/** Says the question the caller is being asked again: a read-back, an offer, or the stage's own line. */
export function repeatQuestion(turn: EngineTurn, line: 'reprompt' | 'simplify'): void {
  if (repeatReadBack(turn) || repeatCallbackOffer(turn)) return;
  turn.sayStageLine(line);
}

/** Rephrase, then simplify, then offer a callback at the flow's count (per stage). */
export function handleConfusion(turn: EngineTurn): void {
  const count = Number(turn.fact(FACT.confusions) ?? '0') + 1;
  turn.remember({ [FACT.confusions]: String(count) });
  if (count >= turn.context.flow.handlers.confusion.offerCallbackAfterCount) {
    offerCallback(turn, 'confusion');
    return;
  }
  repeatQuestion(turn, count === 1 ? 'reprompt' : 'simplify');
}

/** Reprompt after silence; after the flow's maximum of reprompts, say goodbye and end. */
export function handleSilence(turn: EngineTurn): void {
  turn.update(recordSilenceReprompt);
  const silence = turn.context.flow.handlers.silence;
  if (turn.session.counters.silenceReprompts > silence.maxReprompts) {
    turn.sayTemplate(silence.endSay);
    turn.hangUp('silence');
    return;
  }
  repeatQuestion(turn, 'reprompt');
}
