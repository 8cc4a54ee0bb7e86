import { durationMsOfMulaw, MULAW_SILENCE } from '@va/audio';
import type { CallerPolicy } from './caller.policy';

/** One agent audio frame as the caller's phone played it. */
export interface AgentFrame {
  /** When it started playing (performance.now() ms). */
  readonly atMs: number;
  readonly audio: Uint8Array;
  readonly durationMs: number;
  /** False for digital silence (every code a mu-law zero), which is not agent speech. */
  readonly audible: boolean;
}

const MULAW_NEGATIVE_ZERO = 0x7f;

export function agentFrameOf(audio: Uint8Array, atMs: number): AgentFrame {
  const copy = Uint8Array.from(audio);
  const audible = copy.some((code) => code !== MULAW_SILENCE && code !== MULAW_NEGATIVE_ZERO);
  return { atMs, audio: copy, durationMs: durationMsOfMulaw(copy.length), audible };
}

/**
 * Whether an audible frame starting at `atMs` opens a new agent turn after audio that ended at
 * `previousEndMs`: after a pause longer than agentTurnGapMs, or after any real pause in which
 * the caller finished saying or keying something.
 */
export function opensAgentTurn(
  previousEndMs: number | undefined,
  atMs: number,
  callerActionEndedInPause: boolean,
  policy: Pick<CallerPolicy, 'agentTurnGapMs' | 'gapToleranceMs'>,
): boolean {
  if (previousEndMs === undefined) return true;
  const pauseMs = atMs - previousEndMs;
  return pauseMs > policy.agentTurnGapMs || (callerActionEndedInPause && pauseMs > policy.gapToleranceMs);
}
