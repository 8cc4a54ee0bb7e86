import { startSandbox } from './sandbox';
import type { LatencyPreset } from './sandbox.latency';

/**
 * `npm run sandbox`: the four stand-ins in one process. The first stdout line is one JSON
 * object of base URLs; the second gives the credentials they accept. Serves until SIGINT or
 * SIGTERM. Option: --latency=realistic|none (default realistic).
 */
function latencyFromArguments(args: readonly string[]): LatencyPreset {
  const option = args.find((arg) => arg.startsWith('--latency='));
  const value = option?.slice('--latency='.length) ?? 'realistic';
  if (value !== 'realistic' && value !== 'none') throw new Error(`--latency must be realistic or none, got "${value}"`);
  return value;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ latency: latencyFromArguments(process.argv.slice(2)) });
  process.stdout.write(`${JSON.stringify(sandbox.urls)}\n`);
  process.stdout.write(`${JSON.stringify({ credentials: sandbox.credentials })}\n`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
