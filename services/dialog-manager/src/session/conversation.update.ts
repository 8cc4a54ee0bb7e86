import type { CallSession } from './call-session';

/** Pure updates of the stage, the caller's side of the history and the silence counter (see call-session.ts). */

export function enterStage(session: CallSession, stage: string): CallSession {
  return session.stage === stage ? session : { ...session, stage };
}

export interface CallerUtterance {
  readonly turnId: string;
  readonly text: string;
}

/** A final transcript joins the history; the caller spoke, so the silence reprompts start over. */
export function recordCallerUtterance(session: CallSession, utterance: CallerUtterance): CallSession {
  return {
    ...session,
    history: [...session.history, { role: 'caller', text: utterance.text, turnId: utterance.turnId }],
    counters: { ...session.counters, silenceReprompts: 0 },
  };
}

export function recordSilenceReprompt(session: CallSession): CallSession {
  return { ...session, counters: { ...session.counters, silenceReprompts: session.counters.silenceReprompts + 1 } };
}
