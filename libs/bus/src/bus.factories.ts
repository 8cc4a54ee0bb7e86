import type { Registry } from 'prom-client';
import type { Logger } from '@va/observability';
import type { InMemoryBroker } from './memory/in-memory.broker';

export interface BusOptions {
  readonly logger: Logger;
  /** Consumer-frame counters and histograms are registered here when given. */
  readonly metrics?: Registry;
}

export interface KafkaBusOptions extends BusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Prepended to every topic name; tests use it to isolate runs on one broker. */
  readonly topicPrefix?: string;
}

export interface InMemoryBusOptions extends BusOptions {
  /** Shared by every service of the embedded process; a new one when omitted. */
  readonly broker?: InMemoryBroker;
}
