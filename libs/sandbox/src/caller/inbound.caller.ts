import type { InboundCallPlacer } from './call-leg.port';
import type { CallReport } from './call.report';
import { parsePersonaScript, type PersonaScript } from './persona.script';
import { type PersonaDeps, runPersona } from './persona.runner';

/** Phones the platform through the Twilio stand-in and plays the persona on the call. */
export async function runInboundCall(
  twilio: InboundCallPlacer,
  call: { readonly from: string; readonly to: string },
  script: PersonaScript,
  deps: PersonaDeps,
): Promise<CallReport> {
  parsePersonaScript(script);
  const leg = await twilio.placeInboundCall({ from: call.from, to: call.to });
  return runPersona(leg, script, deps);
}
