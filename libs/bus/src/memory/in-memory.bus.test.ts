import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBusConformance } from '../conformance/bus.conformance';
import { RecordingLogger } from '../conformance/recording.logger';
import { createInMemoryBus } from './in-memory.bus';
import { InMemoryBroker } from './in-memory.broker';

runBusConformance('in-memory', async () => {
  const logger = new RecordingLogger();
  const broker = new InMemoryBroker();
  const bus = createInMemoryBus({ logger, broker });
  return {
    bus,
    appendRaw: async (topic, key, value) => bus.appendRaw(topic, key, value),
    another: async () => {
      const client = createInMemoryBus({ logger, broker });
      await client.ensureTopics();
      return client;
    },
    dispose: async () => {
      await bus.close();
      await broker.stop();
    },
  };
});

describe('in-memory bus specifics', () => {
  it('refuses to publish to a topic that was never created', async () => {
    const bus = createInMemoryBus({ logger: new RecordingLogger() });
    await assert.rejects(
      bus.publish('call.control', { callId: 'call-1', action: { case: 'hangUp', value: { reason: 'done' } } }),
      /does not exist: topics are created by ensureTopics/,
    );
    await bus.close();
  });

  it('refuses to publish a message without its call ID key', async () => {
    const bus = createInMemoryBus({ logger: new RecordingLogger() });
    await bus.ensureTopics();
    await assert.rejects(
      bus.publish('call.control', { callId: '', action: { case: 'hangUp', value: { reason: 'done' } } }),
      /without a key/,
    );
    await bus.close();
  });
});
