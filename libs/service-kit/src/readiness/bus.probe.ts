import type { Bus } from '@va/bus';
import type { DependencyProbe } from './dependency.probe';

/** Asks the bus backend itself (Kafka metadata, or the in-memory bus's state). */
export function createBusProbe(name: string, bus: Bus): DependencyProbe {
  return { name, check: () => bus.checkHealth() };
}
