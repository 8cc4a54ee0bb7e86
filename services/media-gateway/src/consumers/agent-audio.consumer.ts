import { type BeforeApplicationShutdown, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Bus, Subscription } from '@va/bus';
import { BUS } from '@va/service-kit';
import { GATEWAY_INSTANCE_ID } from '../config/gateway-instance.id';
import { LiveCallRegistry } from '../media/live-call.registry';
import { GatewayMetrics } from '../metrics/gateway.metrics';
import { handleAgentAudio } from './agent-audio.handler';
import { gatewaySubscription } from './gateway.group';

/** Plays agent audio to the calls this instance holds; kept open through the drain. */
@Injectable()
export class AgentAudioConsumer implements OnModuleInit, BeforeApplicationShutdown {
  private subscription: Subscription | undefined;

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(GATEWAY_INSTANCE_ID) private readonly instanceId: string,
    private readonly registry: LiveCallRegistry,
    private readonly metrics: GatewayMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscription = await this.bus.subscribe('call.audio.out', async (delivery) => handleAgentAudio(delivery.message, this.registry, this.metrics), gatewaySubscription(this.instanceId));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }
}
