import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '@va/config';
import { createLogger, createMetricsRegistry, initTracing } from '@va/observability';
import { type RunningServiceApp, startServiceApp } from './app/service-app.starter';
import { reportConfigError } from './infra/config-error.reporter';
import { type ParsedServiceConfig, parseServiceConfig } from './infra/service-config.parser';
import { createServiceInfrastructure } from './infra/service.infrastructure';
import { exitAfter } from './lifecycle/process.exit';
import { logProcessFailures } from './lifecycle/process-failure.logger';
import { onShutdownSignal } from './lifecycle/shutdown-signal.listener';
import { errorFields } from './logging/error.fields';
import { ServiceReadiness } from './readiness/service.readiness';
import type { ServiceDefinition } from './service.definition';

function readConfig(definition: ServiceDefinition): ParsedServiceConfig | undefined {
  try {
    return parseServiceConfig(definition);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    reportConfigError(definition.name, error);
    return undefined;
  }
}

/**
 * The whole body of a service's main.ts (distributed mode): config, logger, tracing, metrics,
 * Kafka/Postgres/Redis per declared dependency, topics, the Nest app, graceful shutdown.
 * Exits 1 on bad configuration or a failed start.
 */
export async function runService(definition: ServiceDefinition): Promise<void> {
  const config = readConfig(definition);
  if (config === undefined) {
    process.exitCode = 1;
    return;
  }
  const { shared } = config;
  const logger = createLogger({ service: definition.name, level: shared.LOG_LEVEL });
  logProcessFailures(logger);
  const tracing = initTracing({ service: definition.name, otlpEndpoint: shared.OTEL_EXPORTER_OTLP_ENDPOINT });
  const registry = createMetricsRegistry(definition.name);
  const infrastructure = createServiceInfrastructure(definition, shared, logger, registry);
  const readiness = new ServiceReadiness(infrastructure.probes, 'distributed');
  const exitPlan = { logger, deadlineMs: shared.SHUTDOWN_GRACE_MS };

  let app: RunningServiceApp;
  try {
    infrastructure.migrator?.start();
    await infrastructure.bus.ensureTopics();
    app = await startServiceApp({
      definition,
      port: shared.HTTP_PORT,
      mode: 'distributed',
      logger,
      registry,
      readiness,
      bus: infrastructure.bus,
      ...(infrastructure.postgres === undefined ? {} : { postgres: infrastructure.postgres }),
      ...(infrastructure.database === undefined ? {} : { database: infrastructure.database }),
      ...(infrastructure.redis === undefined ? {} : { redis: infrastructure.redis }),
      serviceConfig: config.own,
      ownedResources: infrastructure,
    });
  } catch (error) {
    logger.error('service failed to start', errorFields(error));
    await exitAfter(async () => {
      await infrastructure.close();
      await tracing.shutdown();
    }, { ...exitPlan, exitCode: 1 });
    return;
  }

  const drainPeriodMs = definition.drainPeriodMs ?? 0;
  onShutdownSignal(
    (signal) => {
      logger.info('shutdown started', { signal, drainPeriodMs, deadlineMs: shared.SHUTDOWN_GRACE_MS });
      app.beginDraining();
      void exitAfter(async () => {
        await sleep(drainPeriodMs);
        await app.close();
        await tracing.shutdown();
      }, { ...exitPlan, exitCode: 0 });
    },
    (signal) => logger.warn('shutdown already in progress', { signal }),
  );
}
