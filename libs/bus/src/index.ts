export * from './bus';
export * from './bus.factories';
export { KafkaBus, createKafkaBus } from './kafka/kafka.bus';
export { InMemoryBus, createInMemoryBus } from './memory/in-memory.bus';
export { InMemoryBroker } from './memory/in-memory.broker';
export type { MessageHeaders } from './frame/trace-headers';
