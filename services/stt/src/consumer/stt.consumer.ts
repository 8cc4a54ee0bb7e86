import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Bus } from '@va/bus';
import type { Logger } from '@va/observability';
import { breakerOptionsFromConfig } from '@va/resilience';
import { BUS, LOGGER, METRICS_REGISTRY, SERVICE_CONFIG } from '@va/service-kit';
import type { Registry } from 'prom-client';
import { systemScheduler } from '../session/scheduler.port';
import type { SttConfig } from '../stt.config';
import type { SttPipeline } from './stt.pipeline';
import { startSttFromConfig } from './stt.wiring';

/** Runs the stt pipeline for the service's lifetime, with the recognizers the configuration names. */
@Injectable()
export class SttConsumer implements OnModuleInit, OnModuleDestroy {
  private pipeline: SttPipeline | undefined;

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(SERVICE_CONFIG) private readonly config: SttConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.pipeline = await startSttFromConfig({ bus: this.bus, logger: this.logger, registry: this.registry, config: this.config, scheduler: systemScheduler, instanceId: randomUUID(), breaker: breakerOptionsFromConfig(this.config) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pipeline?.stop();
  }
}
