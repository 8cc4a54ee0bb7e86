import { classifyYesNo } from '../language';
import { ENGINE_POLICY } from './engine.policy';
import { ENGINE_PHRASES } from './engine.phrases';
import { FACT } from './engine-fact.names';
import type { EngineTurn } from './engine.turn';
import type { Continuation } from './stage.behaviour';

/** Why a callback was offered: it decides the words and what a "no" leads to. */
export type CallbackOfferReason = 'human' | 'confusion' | 'unavailable' | 'intake-save';

function offerLine(turn: EngineTurn, reason: CallbackOfferReason): string {
  const handlers = turn.context.flow.handlers;
  switch (reason) {
    case 'human':
      return handlers.human.callbackOfferSay;
    case 'confusion':
      return handlers.confusion.callbackOfferSay;
    case 'unavailable':
      return ENGINE_PHRASES.toolUnavailable;
    case 'intake-save':
      return ENGINE_PHRASES.intakeSaveFailed;
  }
}

function isReason(value: string | undefined): value is CallbackOfferReason {
  return value === 'human' || value === 'confusion' || value === 'unavailable' || value === 'intake-save';
}

export function offerCallback(turn: EngineTurn, reason: CallbackOfferReason): void {
  turn.remember({ [FACT.callbackOffer]: reason });
  turn.sayTemplate(offerLine(turn, reason));
}

export function callbackOfferPending(turn: EngineTurn): boolean {
  return isReason(turn.fact(FACT.callbackOffer));
}

/** Says the pending offer again (after silence or confusion); false when none is pending. */
export function repeatCallbackOffer(turn: EngineTurn): boolean {
  const reason = turn.fact(FACT.callbackOffer);
  if (!isReason(reason)) return false;
  turn.sayTemplate(offerLine(turn, reason));
  return true;
}

/** The caller answered a callback offer: yes requests it; no goes back to the question, or ends when nothing else can go on. */
export function answerCallbackOffer(turn: EngineTurn, text: string): void {
  const reason = turn.fact(FACT.callbackOffer);
  if (!isReason(reason)) return;
  const answer = classifyYesNo(text);
  if (answer === 'unclear') {
    turn.sayTemplate(offerLine(turn, reason));
    return;
  }
  turn.remember({ [FACT.callbackOffer]: undefined });
  if (answer === 'yes') {
    const clientId = turn.clientId;
    turn.callTool(
      'request_callback',
      {
        phone: turn.context.remoteNumber,
        notBefore: new Date(turn.context.nowMs + ENGINE_POLICY.callbackDelayMs).toISOString(),
        reason: `caller accepted a callback (${reason})`,
        ...(clientId === undefined ? {} : { clientId }),
      },
      'callback',
    );
    return;
  }
  if (reason === 'unavailable' || reason === 'intake-save') {
    turn.sayTemplate(ENGINE_PHRASES.callbackDeclined);
    turn.hangUp('completed');
    return;
  }
  turn.sayStageLine('reprompt');
}

export const callbackRequested: Continuation = (turn, outcome) => {
  turn.sayTemplate(outcome.ok ? ENGINE_PHRASES.callbackBooked : ENGINE_PHRASES.callbackFailed);
  turn.hangUp('completed');
  return undefined;
};
