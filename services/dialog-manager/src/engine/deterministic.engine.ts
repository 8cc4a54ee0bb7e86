import { classifyCallerIntent, isBackchannel } from '../language';
import { confirmSlot, proposeSlotValue, resolvePendingToolCall, type CallSession } from '../session';
import { isAwaitPurpose, type AwaitPurpose } from './await.purposes';
import { answerCallbackOffer, callbackOfferPending, callbackRequested, offerCallback } from './callback.offer';
import { handleAnsweringMachine, handleConfusion, handleEmergency, handleHuman, handleOptOut, handleSilence, humanTransferAnswered } from './cross-cutting.handlers';
import { FACT } from './engine-fact.names';
import { EngineTurn } from './engine.turn';
import { answerReadBack, captureFromKeypad, currentSlot, readBackPending } from './slot-capture';
import { behaviourOf } from './stage.registry';
import type { Continuation } from './stage.behaviour';
import { answerCurrentStage, completeCurrentStage, enterCurrentStage, follow } from './stage.runner';
import type { EngineContext, EngineEvent, EngineStep, ToolOutcomeView, TurnEngine } from './turn-engine.contract';

/** Steps that go on the same way at any stage. */
const HANDLER_CONTINUATIONS: Partial<Record<AwaitPurpose, Continuation>> = {
  'human-transfer': humanTransferAnswered,
  callback: callbackRequested,
};

/** Purposes whose steps handle a tool being unavailable themselves. */
const HANDLES_UNAVAILABLE: ReadonlySet<AwaitPurpose> = new Set(['human-transfer', 'callback', 'transfer']);

/** Slot kinds the LLM may fill when it ends a stage; identity and time values are always captured and read back by the engine. */
const LLM_SETTABLE_SLOT_KINDS: ReadonlySet<string> = new Set(['choice', 'yes-no']);
const YES_NO_VALUES: readonly string[] = ['yes', 'no'];

/** Slot kinds whose answers a lone "okay" or "uh-huh" cannot be. */
const NOT_ANSWERED_BY_BACKCHANNEL: ReadonlySet<string> = new Set(['date-of-birth', 'member-id', 'phone', 'free-text', 'choice']);

/**
 * The flow engine that needs no LLM: rule-based slot and intent extraction (../language) and the
 * flow's templated lines. Pure and synchronous: everything it knows comes from the session, the
 * event and the context; everything it remembers goes back in the session (slots and facts).
 */
export class DeterministicEngine implements TurnEngine {
  step(session: CallSession, event: EngineEvent, context: EngineContext): EngineStep {
    const turn = new EngineTurn(session, context);
    if (event.kind === 'tool-result') {
      onToolResult(turn, event.callKey, event.outcome);
      return turn.finish();
    }
    if (turn.ended) return turn.finish();
    switch (event.kind) {
      case 'call-started':
        onCallStarted(turn);
        break;
      case 'caller-turn':
        onCallerTurn(turn, event.text);
        break;
      case 'silence':
        if (!isAwaitingTool(turn)) handleSilence(turn);
        break;
      case 'dtmf':
        onKeypad(turn, event.digits);
        break;
      case 'stage-outcome':
        onStageOutcome(turn, event.outcome, event.values);
        break;
      case 'answering-machine':
        handleAnsweringMachine(turn, event.action);
        break;
    }
    return turn.finish();
  }
}

function isAwaitingTool(turn: EngineTurn): boolean {
  return turn.fact(FACT.awaitingCallKey) !== undefined;
}

function onCallStarted(turn: EngineTurn): void {
  if (turn.fact(FACT.callStarted) !== undefined) return;
  turn.remember({ [FACT.callStarted]: '1' });
  follow(turn, enterCurrentStage(turn));
}

function onCallerTurn(turn: EngineTurn, text: string): void {
  turn.update((session) => (session.counters.silenceReprompts === 0 ? session : { ...session, counters: { ...session.counters, silenceReprompts: 0 } }));
  const intent = classifyCallerIntent(text).intent;
  if (intent === 'opt-out') return handleOptOut(turn);
  if (intent === 'emergency') return handleEmergency(turn);
  if (intent === 'human') return handleHuman(turn);
  if (isAwaitingTool(turn)) return;
  if (intent === 'confusion') return handleConfusion(turn);
  if (callbackOfferPending(turn)) return answerCallbackOffer(turn, text);
  if (readBackPending(turn)) {
    if (answerReadBack(turn, text) === 'complete') follow(turn, completeCurrentStage(turn));
    return;
  }
  const asked = currentSlot(turn);
  if (asked !== undefined && NOT_ANSWERED_BY_BACKCHANNEL.has(asked.kind) && isBackchannel(text)) return;
  follow(turn, answerCurrentStage(turn, text));
}

function onKeypad(turn: EngineTurn, digits: string): void {
  if (isAwaitingTool(turn) || callbackOfferPending(turn)) return;
  if (captureFromKeypad(turn, digits) === 'complete') follow(turn, completeCurrentStage(turn));
}

/** The LLM closed a conversational stage: its slot values are kept, then the flow follows the outcome. */
function onStageOutcome(turn: EngineTurn, outcome: string, values: Readonly<Record<string, string>>): void {
  if (isAwaitingTool(turn) || !turn.stage.conversational || !Object.hasOwn(turn.stage.next, outcome)) return;
  for (const slot of turn.stage.slots) {
    const value = values[slot.name];
    if (value === undefined || !LLM_SETTABLE_SLOT_KINDS.has(slot.kind)) continue;
    const allowed = slot.kind === 'yes-no' ? YES_NO_VALUES : (slot.choices ?? []);
    if (allowed.includes(value)) turn.update((session) => confirmSlot(proposeSlotValue(session, slot.name, value), slot.name));
  }
  follow(turn, { outcome });
}

function onToolResult(turn: EngineTurn, callKey: string, outcome: ToolOutcomeView): void {
  if (!Object.hasOwn(turn.session.pendingToolCalls, callKey)) return;
  turn.update((session) => resolvePendingToolCall(session, callKey));
  if (turn.fact(FACT.awaitingCallKey) !== callKey) return;
  const purpose = turn.fact(FACT.awaitingPurpose);
  turn.remember({ [FACT.awaitingCallKey]: undefined, [FACT.awaitingPurpose]: undefined });
  if (turn.ended || !isAwaitPurpose(purpose)) return;
  if (!outcome.ok && outcome.code === 'unavailable' && !HANDLES_UNAVAILABLE.has(purpose)) {
    offerCallback(turn, 'unavailable');
    return;
  }
  const continuation = HANDLER_CONTINUATIONS[purpose] ?? behaviourOf(turn.stageId).continuations?.[purpose];
  if (continuation === undefined) throw new Error(`stage ${turn.stageId} has no step for a ${purpose} result`);
  follow(turn, continuation(turn, outcome));
}
