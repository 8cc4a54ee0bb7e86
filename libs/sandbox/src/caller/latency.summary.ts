import type { CallReport } from './call.report';

export interface LatencySummary {
  /** Caller turns the agent answered (voice-to-voice measured). */
  readonly count: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly maxMs: number | null;
}

/** Voice-to-voice latency over every answered caller turn of these calls, nearest-rank percentiles. */
export function summarizeLatencies(reports: readonly CallReport[]): LatencySummary {
  const values = reports
    .flatMap((report) => report.turns.map((turn) => turn.voiceToVoiceMs))
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
  return { count: values.length, p50Ms: nearestRank(values, 50), p95Ms: nearestRank(values, 95), maxMs: values[values.length - 1] ?? null };
}

/** The smallest value with at least `percent` % of the values at or below it. */
export function nearestRank(sortedValues: readonly number[], percent: number): number | null {
  if (sortedValues.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * sortedValues.length));
  return sortedValues[rank - 1] ?? null;
}
