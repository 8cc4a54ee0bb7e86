import { type BeforeApplicationShutdown, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Bus, Outcome, type Subscription } from '@va/bus';
import { BUS } from '@va/service-kit';
import { GATEWAY_INSTANCE_ID } from '../config/gateway-instance.id';
import { CallEventsPublisher } from '../media/call-events.publisher';
import { LiveCallRegistry } from '../media/live-call.registry';
import { gatewaySubscription } from './gateway.group';

/** call.speech cancel → the held call's turn is cleared at the caller and call.playback says what went unheard. */
@Injectable()
export class SpeechCancelConsumer implements OnModuleInit, BeforeApplicationShutdown {
  private subscription: Subscription | undefined;

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(GATEWAY_INSTANCE_ID) private readonly instanceId: string,
    private readonly registry: LiveCallRegistry,
    private readonly events: CallEventsPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscription = await this.bus.subscribe(
      'call.speech',
      async ({ message }) => {
        if (message.command.case !== 'cancel') return Outcome.ok();
        const call = this.registry.get(message.callId);
        if (call === undefined) return Outcome.ok();
        const { turnId } = message.command.value;
        this.events.playbackCleared(call, turnId, call.playback.cancelTurn(turnId));
        return Outcome.ok();
      },
      gatewaySubscription(this.instanceId),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }
}
