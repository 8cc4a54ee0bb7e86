import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import type { CallLegLike } from './call-leg.port';
import type { CallReport } from './call.report';
import { type CallerClock, systemCallerClock } from './caller.clock';
import { type CallerPolicy, DEFAULT_CALLER_POLICY } from './caller.policy';
import type { CallerVoice } from './caller.voice';
import { type ParsedPersonaStep, parsePersonaScript, type PersonaScript } from './persona.script';
import { PersonaSession, PersonaStepFailure } from './persona.session';

export interface PersonaDeps {
  readonly voice: CallerVoice;
  /** Where the caller registers what it is about to say (read by the Deepgram stand-in). */
  readonly callerSpeech: Pick<UtteranceRegistry, 'register'>;
  /** Where the TTS stand-ins registered what they synthesized (tells the caller what it heard). */
  readonly agentSpeech: Pick<UtteranceRegistry, 'match'>;
  readonly clock?: CallerClock;
  readonly policy?: Partial<CallerPolicy>;
}

/**
 * Plays a persona on a connected call leg: follows the script step by step, listening to the
 * agent all along, and reports the call. A script that is not valid throws PersonaScriptError
 * before anything happens on the call; a step the persona cannot carry out (a wait that times
 * out, the call ending early) stops the script and is reported as `failure`. When the script
 * ends with the call still up, the caller hangs up; it also hangs up before rethrowing an
 * unexpected error (e.g. espeak-ng missing).
 */
export async function runPersona(leg: CallLegLike, script: PersonaScript, deps: PersonaDeps): Promise<CallReport> {
  const steps = parsePersonaScript(script);
  const policy: CallerPolicy = { ...DEFAULT_CALLER_POLICY, ...deps.policy };
  const session = new PersonaSession(leg, { ...deps, clock: deps.clock ?? systemCallerClock, policy });
  let failure: string | undefined;
  try {
    failure = await followScript(session, steps, policy);
  } catch (error) {
    await session.hangUp();
    session.stop();
    throw error;
  }
  await session.hangUp();
  return session.finish(failure);
}

/** Runs the steps in order; returns why the persona had to stop, or undefined. */
async function followScript(session: PersonaSession, steps: readonly ParsedPersonaStep[], policy: CallerPolicy): Promise<string | undefined> {
  try {
    await session.connect();
  } catch (error) {
    if (error instanceof PersonaStepFailure) return error.message;
    throw error;
  }
  for (const [index, step] of steps.entries()) {
    try {
      await runStep(session, step, policy);
    } catch (error) {
      if (error instanceof PersonaStepFailure) return `step ${index + 1} (${step.kind}): ${error.message}`;
      throw error;
    }
  }
  return undefined;
}

async function runStep(session: PersonaSession, step: ParsedPersonaStep, policy: CallerPolicy): Promise<void> {
  switch (step.kind) {
    case 'say': {
      const audio = await session.prepare(step.say);
      if (step.afterAgentSilenceMs !== undefined) await session.waitForAgentSilence(step.afterAgentSilenceMs, step.timeoutMs ?? policy.stepTimeoutMs);
      return session.say('say', step.say, audio);
    }
    case 'interrupt': {
      const audio = await session.prepare(step.interrupt);
      await session.waitForAgentPlaying(step.afterAgentAudioMs, step.timeoutMs ?? policy.stepTimeoutMs);
      return session.say('interrupt', step.interrupt, audio);
    }
    case 'waitForAgent': {
      const { heard, timeoutMs } = step.waitForAgent;
      return heard === undefined ? session.waitForAgentToStart(timeoutMs) : session.waitForAgentToSay(heard, timeoutMs);
    }
    case 'pause':
      return session.pause(step.pause);
    case 'silence':
      return session.pause(step.silence);
    case 'dtmf':
      return session.keyDigits(step.dtmf, step.gapMs ?? policy.dtmfGapMs);
    case 'hangUp':
      return session.hangUp();
    case 'expectHangUpWithinMs':
      return session.expectHangUp(step.expectHangUpWithinMs);
  }
}
