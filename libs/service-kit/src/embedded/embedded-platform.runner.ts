import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, type EnvSource, withDevOnlyDefaults } from '@va/config';
import { createLogger, initTracing } from '@va/observability';
import { reportConfigError } from '../infra/config-error.reporter';
import { exitAfter } from '../lifecycle/process.exit';
import { logProcessFailures } from '../lifecycle/process-failure.logger';
import { onShutdownSignal } from '../lifecycle/shutdown-signal.listener';
import { errorFields } from '../logging/error.fields';
import type { ServiceDefinition } from '../service.definition';
import { type EmbeddedConfig, parseEmbeddedConfig } from './embedded-config.parser';
import { type EmbeddedPlatform, startEmbeddedPlatform } from './embedded-platform.starter';

export interface EmbeddedPlatformOptions {
  /** The `service` field of the platform's own log lines. */
  readonly name?: string;
  /**
   * Values for variables the environment leaves unset, so a newcomer's `npm start` needs no
   * configuration. Applied only when the whole group is unset, and then logged as a warning:
   * they are public and DEV-ONLY.
   */
  readonly devOnlyDefaults?: Readonly<Record<string, string>>;
  /** The variables to read instead of the process environment (a dev tool wiring the sandbox). */
  readonly env?: EnvSource;
  /** Called once every service listens, e.g. to drive the running platform. */
  readonly onStarted?: (platform: EmbeddedPlatform) => void;
}

function readConfig(name: string, definitions: readonly ServiceDefinition[], env: EnvSource): EmbeddedConfig | undefined {
  try {
    return parseEmbeddedConfig(definitions, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    reportConfigError(name, error);
    return undefined;
  }
}

/**
 * Embedded mode: every given service in this process, each its own Nest app on its own
 * port, all over one in-memory broker (one bus client per service, as with Kafka). Serves
 * until SIGTERM/SIGINT, then closes every app and exits 0. Exits 1 on bad configuration or
 * a failed start.
 */
export async function runEmbeddedPlatform(
  definitions: readonly ServiceDefinition[],
  options: EmbeddedPlatformOptions = {},
): Promise<void> {
  const name = options.name ?? 'platform';
  const { env, applied: devDefaultsApplied } = withDevOnlyDefaults(options.devOnlyDefaults ?? {}, ...(options.env === undefined ? [] : [options.env]));
  const config = readConfig(name, definitions, env);
  if (config === undefined) {
    process.exitCode = 1;
    return;
  }
  const { platform } = config;
  const logger = createLogger({ service: name, level: platform.LOG_LEVEL });
  logProcessFailures(logger);
  if (devDefaultsApplied.length > 0) logger.warn('using DEV-ONLY defaults: public values, never for real data', { variables: devDefaultsApplied });
  const tracing = initTracing({ service: name, otlpEndpoint: platform.OTEL_EXPORTER_OTLP_ENDPOINT });
  const exitPlan = { logger, deadlineMs: platform.SHUTDOWN_GRACE_MS };

  let running: EmbeddedPlatform;
  try {
    running = await startEmbeddedPlatform(definitions, config, logger);
  } catch (error) {
    logger.error('platform failed to start', errorFields(error));
    await exitAfter(() => tracing.shutdown(), { ...exitPlan, exitCode: 1 });
    return;
  }
  logger.info('platform listening', { services: running.urls });
  const closeAll = async (): Promise<void> => {
    await running.close();
    await tracing.shutdown();
  };

  const drainPeriodMs = Math.max(0, ...definitions.map((definition) => definition.drainPeriodMs ?? 0));
  onShutdownSignal(
    (signal) => {
      logger.info('shutdown started', { signal, drainPeriodMs, deadlineMs: platform.SHUTDOWN_GRACE_MS });
      running.beginDraining();
      void exitAfter(async () => {
        await sleep(drainPeriodMs);
        await closeAll();
      }, { ...exitPlan, exitCode: 0 });
    },
    (signal) => logger.warn('shutdown already in progress', { signal }),
  );
  options.onStarted?.(running);
}
