import { type CallSession, createCallSession } from './call-session';
import { recordSegmentHeard, recordSegmentSent, startAgentTurn } from './agent-turn.update';
import { enterStage, recordCallerUtterance } from './conversation.update';
import { markEventIdProcessed, markSeqProcessed } from './event-dedupe.update';
import { rememberFacts } from './facts.update';
import { confirmSlot, proposeSlotValue, recordFailedCapture } from './slots.update';
import { addPendingToolCall } from './tool-calls.update';

export const SAMPLE_NOW_MS = 1_750_000_000_000;

export function freshSession(callId: string): CallSession {
  return createCallSession({
    callId,
    tenantId: '11111111-1111-4111-8111-111111111111',
    direction: 'outbound',
    flowId: 'outbound-cross-sell',
    stage: 'INTRO',
    nowMs: SAMPLE_NOW_MS,
  });
}

/** A session with every part filled in, as a call in VERIFY would have it (synthetic values, no real PHI). */
export function populatedSession(callId: string): CallSession {
  let session = freshSession(callId);
  session = enterStage(session, 'VERIFY');
  session = recordCallerUtterance(session, { turnId: 't1', text: 'yes go ahead' });
  session = startAgentTurn(session, 't1');
  session = recordSegmentSent(session, 't1', 0);
  session = recordSegmentSent(session, 't1', 1);
  session = recordSegmentHeard(session, { turnId: 't1', segmentIndex: 0, text: 'Thanks.' });
  session = recordFailedCapture(session, 'dateOfBirth');
  session = proposeSlotValue(session, 'dateOfBirth', '1952-03-03');
  session = proposeSlotValue(session, 'firstName', 'Test');
  session = confirmSlot(session, 'firstName');
  session = addPendingToolCall(session, 'req-1', { toolName: 'get_client_profile', idempotencyKey: `${callId}:t1:0`, requestedAtMs: SAMPLE_NOW_MS });
  session = markSeqProcessed(session, 'call.transcript', '41');
  session = markEventIdProcessed(session, 'tool.result:req-0');
  session = rememberFacts(session, { clientFirstName: 'Test', awaitingCallKey: '1-0' });
  return session;
}
