import { summarizeLatencies } from '@va/sandbox';
import type { FinishedCall } from './callee.switchboard';
import type { CampaignCounts } from './demo-counts.query';

/** The demo's result, in the shape `--json` prints (snake_case keys are the contract). */
export interface DemoSummary {
  readonly dialled: number;
  readonly connected: number;
  readonly consented: number;
  readonly booked: number;
  readonly opted_out: number;
  readonly dnc_dialled: number;
  readonly voicemails: number;
  readonly skipped: number;
  readonly inbound_calls: number;
  /** Voice-to-voice latency per caller turn, measured at the simulated callers, over every call. */
  readonly v2v_ms: { readonly p50: number | null; readonly p95: number | null; readonly turns: number };
  /** Simulated callers whose script did not run to its end, with why. */
  readonly script_failures: readonly string[];
}

/** The database's counts and the simulated callers' reports, as the summary. */
export function computeDemoSummary(counts: CampaignCounts, calls: readonly FinishedCall[]): DemoSummary {
  const latency = summarizeLatencies(calls.map((call) => call.report));
  return {
    dialled: counts.dialled,
    connected: counts.connected,
    consented: counts.consented,
    booked: counts.booked,
    opted_out: counts.optedOut,
    dnc_dialled: counts.dncDialled,
    voicemails: counts.voicemails,
    skipped: counts.skipped,
    inbound_calls: calls.filter((call) => call.behaviour === 'inbound').length,
    v2v_ms: { p50: latency.p50Ms, p95: latency.p95Ms, turns: latency.count },
    script_failures: calls.flatMap((call) => (call.report.failure === undefined ? [] : [`${call.who} (${call.behaviour}): ${call.report.failure}`])),
  };
}

/** What the demo promises (issue 7): a booking, an opt-out handled, and no DNC number dialled. Empty: kept. */
export function unmetPromises(summary: DemoSummary): string[] {
  const unmet: string[] = [];
  if (summary.booked < 1) unmet.push('no appointment was booked');
  if (summary.opted_out < 1) unmet.push('no opt-out was handled');
  if (summary.dnc_dialled !== 0) unmet.push(`${summary.dnc_dialled} call(s) went to a number on the DNC list`);
  return unmet;
}
