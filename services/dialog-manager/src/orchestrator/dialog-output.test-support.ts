import { createInMemoryBus, InMemoryBroker, Outcome, type Bus } from '@va/bus';
import type { TopicName } from '@va/contracts';
import type { Logger } from '@va/observability';

/** A message the orchestrator published, as a test observes it. */
export interface Published {
  readonly topic: TopicName;
  readonly message: unknown;
}

/**
 * A fresh in-memory bus whose speech, tool requests and call controls are collected in
 * `published`, in order (an array of its own: a bus of an earlier test never writes into it).
 */
export async function observedDialogBus(logger: Logger): Promise<{ bus: Bus; published: Published[] }> {
  const bus = createInMemoryBus({ logger, broker: new InMemoryBroker() });
  await bus.ensureTopics();
  const published: Published[] = [];
  for (const topic of ['call.speech', 'tool.request', 'call.control'] as const) {
    await bus.subscribe(topic, async (delivery) => {
      published.push({ topic, message: delivery.message });
      return Outcome.ok();
    }, { group: 'observer' });
  }
  return { bus, published };
}
