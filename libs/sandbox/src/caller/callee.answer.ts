import type { CallLegLike } from './call-leg.port';
import type { CallReport } from './call.report';
import { parsePersonaScript, type PersonaScript } from './persona.script';
import { type PersonaDeps, runPersona } from './persona.runner';

/**
 * A person answering an outbound call: return it from the Twilio stand-in's outbound-call
 * handler; once the stand-in hands over the leg, the persona runs and `report` settles.
 */
export interface CalleePersona {
  readonly kind: 'answer';
  readonly by: 'human';
  /** Ring time before the pick-up (absent: the stand-in's default). */
  readonly afterMs?: number;
  onLeg(leg: CallLegLike): void;
  readonly report: Promise<CallReport>;
}

/** Validates the script now (throws PersonaScriptError), so a bad script fails before any call. */
export function answerAsPersona(script: PersonaScript, deps: PersonaDeps, pickUp: { readonly afterMs?: number } = {}): CalleePersona {
  parsePersonaScript(script);
  let settle: { resolve: (report: CallReport) => void; reject: (error: unknown) => void } | undefined;
  const report = new Promise<CallReport>((resolve, reject) => (settle = { resolve, reject }));
  let answered = false;
  return {
    kind: 'answer',
    by: 'human',
    ...(pickUp.afterMs === undefined ? {} : { afterMs: pickUp.afterMs }),
    report,
    onLeg(leg) {
      if (answered) throw new Error('a callee persona answers one call only');
      answered = true;
      runPersona(leg, script, deps).then(settle?.resolve, settle?.reject);
    },
  };
}
