import { Counter, Histogram, type Registry } from 'prom-client';

/** What the consumer frame and the publishers count. Labels come from closed sets only. */
export interface BusMetrics {
  readonly consumed: Counter<'topic' | 'group' | 'outcome'>;
  readonly handlerSeconds: Histogram<'topic' | 'group'>;
  readonly published: Counter<'topic' | 'result'>;
  readonly publishSeconds: Histogram<'topic'>;
}

export type ConsumedOutcome = 'ok' | 'retry' | 'dead_letter' | 'undecodable' | 'abandoned';

function counter<L extends string>(registry: Registry | undefined, name: string, help: string, labelNames: readonly L[]): Counter<L> {
  const existing = registry?.getSingleMetric(name);
  if (existing) return existing as Counter<L>;
  return new Counter({ name, help, labelNames, registers: registry ? [registry] : [] });
}

function histogram<L extends string>(
  registry: Registry | undefined,
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets: number[],
): Histogram<L> {
  const existing = registry?.getSingleMetric(name);
  if (existing) return existing as Histogram<L>;
  return new Histogram({ name, help, labelNames, buckets, registers: registry ? [registry] : [] });
}

const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createBusMetrics(registry: Registry | undefined): BusMetrics {
  return {
    consumed: counter(registry, 'bus_messages_consumed_total', 'Deliveries handled by the consumer frame, by outcome', ['topic', 'group', 'outcome']),
    handlerSeconds: histogram(registry, 'bus_handler_duration_seconds', 'Time spent in a handler per attempt', ['topic', 'group'], LATENCY_BUCKETS_SECONDS),
    published: counter(registry, 'bus_messages_published_total', 'Publishes by result', ['topic', 'result']),
    publishSeconds: histogram(registry, 'bus_publish_duration_seconds', 'Time from publish to broker acknowledgement', ['topic'], LATENCY_BUCKETS_SECONDS),
  };
}
