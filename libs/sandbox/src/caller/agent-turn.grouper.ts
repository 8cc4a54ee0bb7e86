import { type AgentFrame, opensAgentTurn } from './agent-turn.rules';
import type { CallerPolicy } from './caller.policy';

/** Dead air inside agent speech: pauses between audible frames beyond the tolerance. */
export interface GapStats {
  readonly count: number;
  readonly totalMs: number;
  readonly maxMs: number;
}

export interface AgentTurnSpan {
  /** Every frame from the turn's first audible frame to its last (silent ones included). */
  readonly frames: readonly AgentFrame[];
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  /** Audible agent audio in the turn. */
  readonly audioMs: number;
  readonly gaps: GapStats;
}

export const NO_GAPS: GapStats = Object.freeze({ count: 0, totalMs: 0, maxMs: 0 });

/**
 * Splits the agent's played frames into turns (see `opensAgentTurn`) and measures the dead air
 * inside each: a pause of P ms between one audible frame's end and the next one's start counts
 * as a gap of P ms when P exceeds gapToleranceMs.
 */
export function groupAgentTurns(
  frames: readonly AgentFrame[],
  callerActionEndsMs: readonly number[],
  policy: Pick<CallerPolicy, 'agentTurnGapMs' | 'gapToleranceMs'>,
): AgentTurnSpan[] {
  const spans: AgentTurnSpan[] = [];
  let first = -1;
  let last = -1;
  let audioMs = 0;
  let gaps = NO_GAPS;
  const close = () => {
    const firstFrame = frames[first];
    const lastFrame = frames[last];
    if (firstFrame === undefined || lastFrame === undefined) return;
    spans.push({ frames: frames.slice(first, last + 1), startedAtMs: firstFrame.atMs, endedAtMs: lastFrame.atMs + lastFrame.durationMs, audioMs, gaps });
  };
  frames.forEach((frame, index) => {
    if (!frame.audible) return;
    const previous = frames[last];
    const previousEndMs = previous === undefined ? undefined : previous.atMs + previous.durationMs;
    const actionInPause = previousEndMs !== undefined && callerActionEndsMs.some((endMs) => endMs > previousEndMs && endMs <= frame.atMs);
    if (opensAgentTurn(previousEndMs, frame.atMs, actionInPause, policy)) {
      close();
      first = index;
      audioMs = 0;
      gaps = NO_GAPS;
    } else if (previousEndMs !== undefined && frame.atMs - previousEndMs > policy.gapToleranceMs) {
      gaps = addGap(gaps, frame.atMs - previousEndMs);
    }
    last = index;
    audioMs += frame.durationMs;
  });
  close();
  return spans;
}

export function addGap(gaps: GapStats, gapMs: number): GapStats {
  return { count: gaps.count + 1, totalMs: gaps.totalMs + gapMs, maxMs: Math.max(gaps.maxMs, gapMs) };
}

export function sumGaps(all: readonly GapStats[]): GapStats {
  return all.reduce((sum, gaps) => ({ count: sum.count + gaps.count, totalMs: sum.totalMs + gaps.totalMs, maxMs: Math.max(sum.maxMs, gaps.maxMs) }), NO_GAPS);
}
