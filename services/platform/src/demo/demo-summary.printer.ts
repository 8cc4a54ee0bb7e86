import type { DemoSummary } from './demo-summary.computer';

function ms(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value)} ms`;
}

/** The summary as a person reads it. */
export function formatSummary(summary: DemoSummary): string {
  const lines = [
    'demo summary',
    `  dialled      ${summary.dialled}`,
    `  connected    ${summary.connected}`,
    `  consented    ${summary.consented}`,
    `  booked       ${summary.booked}`,
    `  opted out    ${summary.opted_out}`,
    `  voicemails   ${summary.voicemails}`,
    `  skipped      ${summary.skipped}`,
    `  DNC dialled  ${summary.dnc_dialled}`,
    `  inbound      ${summary.inbound_calls}`,
    `  voice-to-voice p50 ${ms(summary.v2v_ms.p50)}, p95 ${ms(summary.v2v_ms.p95)} over ${summary.v2v_ms.turns} caller turns (measured at the simulated callers)`,
    ...summary.script_failures.map((failure) => `  script not completed: ${failure}`),
  ];
  return lines.join('\n');
}

/** The summary as the one JSON line `--json` ends stdout with. */
export function summaryJsonLine(summary: DemoSummary): string {
  return JSON.stringify(summary);
}
