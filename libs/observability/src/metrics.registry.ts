import { collectDefaultMetrics, Registry } from 'prom-client';
import { assertSafeLabelValue } from './label.guard';

export type MetricsRegistry = Registry;

/** A registry with Node's default metrics, every series labelled service=<service>. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: assertSafeLabelValue(service) });
  collectDefaultMetrics({ register: registry });
  return registry;
}
