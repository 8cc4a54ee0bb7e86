import { type EmbeddedPlatform, runEmbeddedPlatform } from '@va/service-kit';
import { freePortRange } from '@va/service-kit/testing';
import { startSandbox, type Sandbox } from '@va/sandbox';
import { PLATFORM_SERVICES } from '../platform.services';
import { demoPlatformEnv } from './demo-platform.env';

export interface DemoPlatform {
  readonly sandbox: Sandbox;
  readonly platform: EmbeddedPlatform;
  close(): Promise<void>;
}

/**
 * The sandbox stand-ins, then the whole platform in embedded mode (this process, in-memory bus,
 * embedded Postgres, in-memory sessions) pointed at them. SIGTERM/SIGINT end it as `npm start`.
 */
export async function startDemoPlatform(options: { readonly basePort: number | undefined; readonly logLevel: string }): Promise<DemoPlatform> {
  // The vendors' commonly observed latencies (first transcript, first audio, ringing, answering-machine detection),
  // so the voice-to-voice figures are not flattered by instant stand-ins.
  const sandbox = await startSandbox({ latency: 'realistic' });
  const basePort = options.basePort ?? (await freePortRange(PLATFORM_SERVICES.length));
  const env = demoPlatformEnv(sandbox, basePort, options.logLevel);
  let started: EmbeddedPlatform | undefined;
  await runEmbeddedPlatform(PLATFORM_SERVICES, { name: 'demo', env, onStarted: (platform) => (started = platform) });
  if (started === undefined) {
    await sandbox.close();
    throw new Error('the platform did not start (see the log line above)');
  }
  const platform = started;
  return {
    sandbox,
    platform,
    close: async () => {
      await platform.close();
      await sandbox.close();
    },
  };
}
