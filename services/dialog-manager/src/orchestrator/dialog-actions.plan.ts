import type { MessageInit } from '@va/contracts';
import type { EngineAction } from '../engine/turn-engine.contract';
import { recordSegmentSent, startAgentTurn, type CallSession } from '../session';

/** A call's end or hand-over, carried out once what was said has played. */
export type DeferredControl = MessageInit<'call.control'>;

/** What one engine step puts on the bus, in order. */
export interface PlannedOutput {
  readonly session: CallSession;
  readonly speech: readonly MessageInit<'call.speech'>[];
  readonly toolRequests: readonly MessageInit<'tool.request'>[];
  readonly control: DeferredControl | undefined;
}

export interface PlanContext {
  readonly callId: string;
  readonly tenantId: string;
  readonly voiceId: string;
}

/** The request ID (and idempotency key) of a tool call: the call and the engine's key for it. */
export function toolRequestId(callId: string, callKey: string): string {
  return `${callId}:${callKey}`;
}

/** The engine's key back from a tool result's request ID; undefined when it is not one of this call's. */
export function callKeyOf(callId: string, requestId: string): string | undefined {
  return requestId.startsWith(`${callId}:`) ? requestId.slice(callId.length + 1) : undefined;
}

/**
 * Turns an engine step's actions into messages: the step's lines become one agent turn of speak
 * segments (a fresh turn ID, segments numbered from 0, the last marked last-in-turn), tool calls
 * become tool.request with an idempotency key derived from the call and the engine's key, and
 * a hang-up or transfer becomes a call.control to send once the turn has played.
 */
export function planActions(session: CallSession, actions: readonly EngineAction[], context: PlanContext): PlannedOutput {
  const lines = actions.flatMap((action) => (action.kind === 'say' && action.text.trim() !== '' ? [action.text.trim()] : []));
  let next = session;
  const speech: MessageInit<'call.speech'>[] = [];
  if (lines.length > 0) {
    const turnId = `t${session.counters.turn + 1}`;
    next = startAgentTurn(next, turnId);
    lines.forEach((text, segmentIndex) => {
      next = recordSegmentSent(next, turnId, segmentIndex);
      speech.push({
        callId: context.callId,
        command: { case: 'speak', value: { turnId, segmentIndex, text, lastInTurn: segmentIndex === lines.length - 1, voiceId: context.voiceId } },
      });
    });
  }
  const turnId = next.agentTurn?.turnId ?? `t${next.counters.turn}`;
  const toolRequests = actions.flatMap((action): MessageInit<'tool.request'>[] =>
    action.kind === 'call-tool'
      ? [
          {
            callId: context.callId,
            tenantId: context.tenantId,
            requestId: toolRequestId(context.callId, action.callKey),
            toolName: action.toolName,
            argumentsJson: JSON.stringify(action.args),
            idempotencyKey: toolRequestId(context.callId, action.callKey),
            turnId,
          },
        ]
      : [],
  );
  let control: DeferredControl | undefined;
  for (const action of actions) {
    if (action.kind === 'hang-up') control = { callId: context.callId, action: { case: 'hangUp', value: { reason: action.reason } } };
    if (action.kind === 'transfer') control = { callId: context.callId, action: { case: 'transfer', value: { target: action.target, reason: 'caller asked for a person' } } };
  }
  return { session: next, speech, toolRequests, control };
}

/** Whether the agent's current turn is still being heard (sent, not all played, not cancelled). */
export function agentIsSpeaking(session: CallSession): boolean {
  const turn = session.agentTurn;
  return turn !== null && !turn.cancelled && turn.segmentsHeard.length < turn.segmentsSent;
}
