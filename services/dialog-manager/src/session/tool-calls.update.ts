import type { CallSession, PendingToolCall } from './call-session';

/** Pure updates of the tool calls awaiting a tool.result (see call-session.ts). */

/** Adding a request ID that is already pending changes nothing. */
export function addPendingToolCall(session: CallSession, requestId: string, call: PendingToolCall): CallSession {
  if (Object.hasOwn(session.pendingToolCalls, requestId)) return session;
  return { ...session, pendingToolCalls: { ...session.pendingToolCalls, [requestId]: call } };
}

/** The result arrived (or the wait was given up); an unknown request ID changes nothing. */
export function resolvePendingToolCall(session: CallSession, requestId: string): CallSession {
  if (!Object.hasOwn(session.pendingToolCalls, requestId)) return session;
  const pendingToolCalls = Object.fromEntries(Object.entries(session.pendingToolCalls).filter(([id]) => id !== requestId));
  return { ...session, pendingToolCalls };
}

/** Request IDs waited on for at least `timeoutMs` at `nowMs`: after a takeover the new instance times them out. */
export function overdueToolCalls(session: CallSession, nowMs: number, timeoutMs: number): string[] {
  return Object.entries(session.pendingToolCalls)
    .filter(([, call]) => nowMs - call.requestedAtMs >= timeoutMs)
    .map(([requestId]) => requestId);
}
