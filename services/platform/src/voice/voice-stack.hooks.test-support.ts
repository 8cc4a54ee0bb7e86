import { after, before } from 'node:test';
import { requireKafka, requirePostgres, requireRedis } from '@va/testing';
import type { VoiceStack } from './voice-stack.test-support';

/** Starts the stack before the suite's tests (failing with how to start a missing server) and stops it after. */
export function useVoiceStack(stack: VoiceStack): void {
  before(async () => {
    await requireKafka();
    await requirePostgres();
    await requireRedis();
    await stack.start();
  });
  after(async () => {
    await stack.stop();
  });
}
