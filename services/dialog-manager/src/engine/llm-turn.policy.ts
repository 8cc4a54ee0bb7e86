import type { FlowDefinition } from '../flows';
import { classifyCallerIntent } from '../language';
import { factOf, type CallSession } from '../session';
import { FACT } from './engine-fact.names';

/** Intents the engine always handles itself, whatever the stage: they are compliance and safety. */
const ENGINE_INTENTS: ReadonlySet<string> = new Set(['opt-out', 'emergency', 'human']);

/** Facts that mean the engine is in the middle of an exchange it must finish (a tool, a read-back, a callback offer). */
const MID_EXCHANGE_FACTS = [FACT.awaitingCallKey, FACT.readBackSlot, FACT.callbackOffer, FACT.callEnded] as const;

/**
 * Whether a caller turn may go to the LLM: the stage is conversational, the engine has nothing
 * half-done, and the words are not an opt-out, an emergency or a request for a person (those
 * are answered by the engine at once, the same way with or without an LLM).
 */
export function llmMayAnswer(session: CallSession, flow: FlowDefinition, text: string): boolean {
  if (flow.stages[session.stage]?.conversational !== true) return false;
  if (MID_EXCHANGE_FACTS.some((fact) => factOf(session, fact) !== undefined)) return false;
  const intent = classifyCallerIntent(text).intent;
  return intent === undefined || !ENGINE_INTENTS.has(intent);
}
