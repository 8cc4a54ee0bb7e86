import type { AgentTurnState, CallSession, HistoryEntry } from './call-session';

/** Pure agent-turn updates (see call-session.ts), driven by what was sent and what call.playback reported. */

/** A new agent turn begins; the turn counter grows. Starting the current turn again changes nothing. */
export function startAgentTurn(session: CallSession, turnId: string): CallSession {
  if (session.agentTurn?.turnId === turnId) return session;
  const agentTurn: AgentTurnState = { turnId, segmentsSent: 0, segmentsHeard: [], cancelled: false };
  return { ...session, agentTurn, counters: { ...session.counters, turn: session.counters.turn + 1 } };
}

/** A speak segment of the current turn was published. Events for another turn are ignored. */
export function recordSegmentSent(session: CallSession, turnId: string, segmentIndex: number): CallSession {
  const turn = session.agentTurn;
  if (turn?.turnId !== turnId || segmentIndex < turn.segmentsSent) return session;
  return { ...session, agentTurn: { ...turn, segmentsSent: segmentIndex + 1 } };
}

export interface HeardSegment {
  readonly turnId: string;
  readonly segmentIndex: number;
  readonly text: string;
}

/**
 * call.playback says a segment was played to the end: its text joins the history, appended to
 * the turn's agent entry when that is the last entry. A segment of the current turn already
 * recorded changes nothing; for older turns, dedupe redeliveries with the event helpers.
 */
export function recordSegmentHeard(session: CallSession, heard: HeardSegment): CallSession {
  const turn = session.agentTurn;
  const isCurrentTurn = turn?.turnId === heard.turnId;
  if (isCurrentTurn && turn.segmentsHeard.includes(heard.segmentIndex)) return session;
  return {
    ...session,
    agentTurn: isCurrentTurn ? { ...turn, segmentsHeard: [...turn.segmentsHeard, heard.segmentIndex] } : turn,
    // An LLM turn ends with an empty segment: heard, but nothing to add.
    history: heard.text.trim() === '' ? session.history : appendAgentText(session.history, heard.turnId, heard.text),
  };
}

/** Barge-in or a superseded turn: the turn is marked cancelled; the history already holds only what was heard. */
export function cancelAgentTurn(session: CallSession, turnId: string): CallSession {
  const turn = session.agentTurn;
  if (turn?.turnId !== turnId || turn.cancelled) return session;
  return { ...session, agentTurn: { ...turn, cancelled: true } };
}

/** Segments of the current turn sent but not (yet) reported heard. */
export function unheardSegmentIndexes(session: CallSession): number[] {
  const turn = session.agentTurn;
  if (turn === null) return [];
  return Array.from({ length: turn.segmentsSent }, (_, index) => index).filter((index) => !turn.segmentsHeard.includes(index));
}

function appendAgentText(history: readonly HistoryEntry[], turnId: string, text: string): HistoryEntry[] {
  const last = history.at(-1);
  if (last?.role === 'agent' && last.turnId === turnId) {
    return [...history.slice(0, -1), { ...last, text: `${last.text} ${text}`.trim() }];
  }
  return [...history, { role: 'agent', text, turnId }];
}
