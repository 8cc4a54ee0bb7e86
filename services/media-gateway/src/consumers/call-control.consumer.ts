import { type BeforeApplicationShutdown, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Bus, Outcome, type Subscription } from '@va/bus';
import { CallEndReason } from '@va/contracts';
import type { Logger } from '@va/observability';
import { BUS, LOGGER } from '@va/service-kit';
import { GATEWAY_INSTANCE_ID } from '../config/gateway-instance.id';
import type { LiveCall } from '../media/live.call';
import { LiveCallRegistry } from '../media/live-call.registry';
import { CALL_CONTROL, type CallControlPort } from '../telephony/call-control.port';
import { gatewaySubscription } from './gateway.group';

/**
 * call.control hang_up / transfer for a held call → the Twilio REST API, started without
 * blocking the partition; the call's `stop` then ends it with the intended reason.
 */
@Injectable()
export class CallControlConsumer implements OnModuleInit, BeforeApplicationShutdown {
  private subscription: Subscription | undefined;

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(GATEWAY_INSTANCE_ID) private readonly instanceId: string,
    @Inject(CALL_CONTROL) private readonly control: CallControlPort,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly registry: LiveCallRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscription = await this.bus.subscribe(
      'call.control',
      async ({ message }) => {
        const call = this.registry.get(message.callId);
        if (call === undefined) return Outcome.ok();
        const { action } = message;
        const { callSid } = call.session;
        if (action.case === 'hangUp') {
          call.endIntent = CallEndReason.AGENT_HUNG_UP;
          this.run('hang-up', call, () => this.control.hangUp(callSid));
        } else if (action.case === 'transfer') {
          call.endIntent = CallEndReason.TRANSFERRED;
          this.run('transfer', call, () => this.control.transfer(callSid, action.value.target));
        }
        return Outcome.ok();
      },
      gatewaySubscription(this.instanceId),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  /** A failed request leaves the call up, so the end is no longer attributed to it. */
  private run(action: string, call: LiveCall, request: () => Promise<void>): void {
    request().catch((error: unknown) => {
      call.endIntent = undefined;
      this.logger.error('call control request failed', { action, callId: call.callId, error: error instanceof Error ? error.message : String(error) });
    });
  }
}
