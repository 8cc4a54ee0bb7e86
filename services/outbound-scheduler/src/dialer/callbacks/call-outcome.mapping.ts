import { AnsweredBy } from '@va/contracts';

/** Twilio's final call statuses. */
export const TERMINAL_CALL_STATUSES: ReadonlySet<string> = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/** A machine picked up, per Twilio's AnsweredBy. */
export function isMachine(answeredBy: string | null | undefined): boolean {
  return answeredBy?.startsWith('machine') === true;
}

/** The attempt outcome of a terminal CallStatus (voicemail when detection said machine). */
export function attemptOutcomeOf(callStatus: string, answeredBy: string | null | undefined): 'connected' | 'voicemail' | 'no_answer' | 'busy' | 'failed' {
  switch (callStatus) {
    case 'completed':
      return isMachine(answeredBy) ? 'voicemail' : 'connected';
    case 'no-answer':
      return 'no_answer';
    case 'busy':
      return 'busy';
    default:
      return 'failed';
  }
}

/** Twilio's AnsweredBy as the contracts' enum. */
export function answeredByOf(answeredBy: string): AnsweredBy {
  if (answeredBy === 'human') return AnsweredBy.HUMAN;
  if (isMachine(answeredBy)) return AnsweredBy.MACHINE;
  if (answeredBy === 'fax') return AnsweredBy.FAX;
  return AnsweredBy.UNKNOWN;
}
