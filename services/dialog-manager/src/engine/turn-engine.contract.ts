import type { FlowDefinition } from '../flows';
import type { CallSession } from '../session';

/**
 * The contract between the dialog orchestrator (Kafka, session store, timers) and a conversation
 * engine: the orchestrator feeds one event at a time with the call's session; the engine returns
 * the updated session and the actions to carry out, in order. An engine does no I/O.
 */

/** What an engine knows about the call beyond its session. */
export interface EngineContext {
  readonly flow: FlowDefinition;
  readonly tenantName: string;
  /** The caller's local date, YYYY-MM-DD (date-of-birth plausibility, "today"/"tomorrow"). */
  readonly today: string;
  readonly nowMs: number;
  /** Outbound: the client being called. Inbound: undefined until identified. */
  readonly clientId?: string;
  /** The other party's number, E.164: the caller (inbound) or the client (outbound). */
  readonly remoteNumber: string;
}

/** A tool's answer as the engine sees it (tool.result decoded). */
export type ToolOutcomeView =
  | { readonly ok: true; readonly result: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly details?: Readonly<Record<string, unknown>> };

export type EngineEvent =
  /** The media stream is up: the agent speaks first (greeting / intro). */
  | { readonly kind: 'call-started' }
  /** A final transcript at the end of the caller's speech. */
  | { readonly kind: 'caller-turn'; readonly text: string }
  /** The caller said nothing for the flow's silence window after the agent finished. */
  | { readonly kind: 'silence' }
  /** An answering machine picked up (outbound): leave the flow's voicemail, or just hang up. */
  | { readonly kind: 'answering-machine'; readonly action: AnsweringMachineAction }
  /** Keys the caller pressed (one or more). */
  | { readonly kind: 'dtmf'; readonly digits: string }
  /**
   * The LLM ended a conversational stage through one of its `next` outcomes, with the values it
   * heard for the stage's choice and yes-no slots (checked against the flow before use).
   */
  | { readonly kind: 'stage-outcome'; readonly outcome: string; readonly values: Readonly<Record<string, string>> }
  /** The answer to an earlier `call-tool` action with the same `callKey`. */
  | { readonly kind: 'tool-result'; readonly callKey: string; readonly toolName: string; readonly outcome: ToolOutcomeView };

export type HangUpReason = 'completed' | 'opt-out' | 'consent-refused' | 'wrong-person' | 'silence' | 'emergency' | 'not-interested' | 'answering-machine';

export type AnsweringMachineAction = 'voicemail' | 'hang-up';

export type EngineAction =
  /** One speakable segment, said in order after the previous ones. */
  | { readonly kind: 'say'; readonly text: string }
  /**
   * A tool request. `callKey` is unique within the call (e.g. `<turn>-<n>`): the orchestrator
   * derives the idempotency key from call ID and callKey, and answers with a `tool-result` event.
   * The engine waits for that event before it goes on with the step that needed the tool.
   */
  | { readonly kind: 'call-tool'; readonly callKey: string; readonly toolName: string; readonly args: Readonly<Record<string, unknown>> }
  /** Hand the call to a person at `target` (after what was said has played). */
  | { readonly kind: 'transfer'; readonly target: string }
  /** End the call (after what was said has played). */
  | { readonly kind: 'hang-up'; readonly reason: HangUpReason };

export interface EngineStep {
  readonly session: CallSession;
  readonly actions: readonly EngineAction[];
}

export interface TurnEngine {
  step(session: CallSession, event: EngineEvent, context: EngineContext): EngineStep;
}
