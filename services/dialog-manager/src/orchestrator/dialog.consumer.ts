import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Outcome, type Bus, type Delivery, type HandlerOutcome, type Subscription } from '@va/bus';
import type { TopicName } from '@va/contracts';
import type { Logger } from '@va/observability';
import { BUS, LOGGER } from '@va/service-kit';
import { DialogOrchestrator } from './dialog.orchestrator';

const GROUP = 'dialog-manager';

/** The event's identity for dedupe across instances: its topic, partition and offset. */
function eventKeyOf<T extends TopicName>(delivery: Delivery<T>): string {
  return `${delivery.topic}:${delivery.partition}:${delivery.offset}`;
}

/**
 * Feeds the orchestrator every event of the calls on this instance's partitions: call starts and
 * ends, transcripts, playback reports, tool results and key presses. A failing step (the session
 * store or the bus unreachable) is retried by the consumer frame, and dead-lettered at the end.
 */
@Injectable()
export class DialogConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly orchestrator: DialogOrchestrator,
  ) {}

  async onModuleInit(): Promise<void> {
    const o = this.orchestrator;
    this.subscriptions.push(
      await this.bus.subscribe('call.lifecycle', (d) => this.run(d, () => o.onLifecycle(d.message, eventKeyOf(d))), { group: GROUP }),
      await this.bus.subscribe('call.transcript', (d) => this.run(d, () => o.onTranscript(d.message, eventKeyOf(d))), { group: GROUP }),
      await this.bus.subscribe('call.playback', (d) => this.run(d, () => o.onPlayback(d.message, eventKeyOf(d))), { group: GROUP }),
      await this.bus.subscribe('tool.result', (d) => this.run(d, () => o.onToolResult(d.message, eventKeyOf(d))), { group: GROUP }),
      await this.bus.subscribe('call.control', (d) => this.run(d, () => o.onControl(d.message, eventKeyOf(d))), { group: GROUP }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.close()));
    this.orchestrator.close();
  }

  private async run<T extends TopicName>(delivery: Delivery<T>, work: () => Promise<void>): Promise<HandlerOutcome> {
    const callId = (delivery.message as { callId?: string }).callId ?? delivery.key;
    try {
      await this.orchestrator.serial(callId, work);
      return Outcome.ok();
    } catch (error) {
      this.logger.warn('dialog step failed; retrying', { callId, topic: delivery.topic, error });
      return Outcome.retry('dialog step failed');
    }
  }
}
