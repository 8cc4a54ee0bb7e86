import 'reflect-metadata';
import { DemoOptionsError, DEMO_USAGE, parseDemoOptions } from './demo-options.parser';
import { startDemoPlatform } from './demo-platform.starter';
import { DemoProgressReporter } from './demo-progress.reporter';
import { unmetPromises } from './demo-summary.computer';
import { formatSummary, summaryJsonLine } from './demo-summary.printer';
import { runDemo } from './demo.runner';

/**
 * `npm run demo`: the platform in embedded mode with the sandbox vendors, a small campaign
 * over simulated callees driven through the REST API, one inbound call, and a summary.
 * `--exit` ends after the summary (exit 0 when the demo's promises held), otherwise it keeps
 * serving; `--json` ends stdout with the summary as one JSON line.
 */
async function main(): Promise<void> {
  const options = parseDemoOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${DEMO_USAGE}\n`);
    return;
  }
  const progress = new DemoProgressReporter();
  progress.line('starting the sandbox vendors and the platform (embedded mode)');
  const demo = await startDemoPlatform({ basePort: options.basePort, logLevel: 'error' });
  const run = await runDemo(demo, progress);
  const unmet = unmetPromises(run.summary);
  if (run.summary.dialled !== run.expectedDials) unmet.push(`dialled ${run.summary.dialled} numbers, expected ${run.expectedDials}`);
  process.stderr.write(`${formatSummary(run.summary)}\n`);
  for (const problem of unmet) progress.line(`NOT MET: ${problem}`);
  if (options.json) process.stdout.write(`${summaryJsonLine(run.summary)}\n`);
  if (options.exit) {
    await demo.close();
    process.exit(unmet.length === 0 ? 0 : 1);
  }
  progress.line(`the platform keeps serving: broker API ${run.apiUrl}/v1 (OpenAPI at ${run.apiUrl}/openapi.json, docs at ${run.apiUrl}/docs)`);
  progress.line(`demo broker API key (sandbox only): ${run.brokerApiKey}; try: curl -H 'authorization: Bearer ${run.brokerApiKey}' ${run.apiUrl}/v1/campaigns`);
  progress.line('Ctrl-C to stop');
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof DemoOptionsError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof DemoOptionsError ? 2 : 1);
});
