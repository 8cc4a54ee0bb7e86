import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Bus, Subscription } from '@va/bus';
import type { Logger } from '@va/observability';
import { breakerOptionsFromConfig } from '@va/resilience';
import { BUS, LOGGER, METRICS_REGISTRY, SERVICE_CONFIG } from '@va/service-kit';
import type { Registry } from 'prom-client';
import type { TtsConfig } from '../tts.config';
import { createTtsRuntime, type TtsRuntime } from './tts.runtime';
import { subscribeTts } from './tts.subscriptions';

/** Runs the speech engine for the service's lifetime: consumes call.speech and call.lifecycle, publishes call.audio.out. */
@Injectable()
export class TtsConsumer implements OnModuleInit, OnModuleDestroy {
  private runtime: TtsRuntime | undefined;
  private subscriptions: Subscription[] = [];

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(SERVICE_CONFIG) private readonly config: TtsConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.runtime = createTtsRuntime({ config: this.config, bus: this.bus, registry: this.registry, logger: this.logger, breaker: breakerOptionsFromConfig(this.config) });
    this.subscriptions = await subscribeTts(this.bus, this.runtime.engine);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.subscriptions.map((subscription) => subscription.close()));
    await this.runtime?.engine.close();
    this.runtime?.chain.shutdown();
  }
}
