import type { FactoryProvider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT, RUN_MODE, type RunMode } from '@va/service-kit';
import { CALL_SESSION_STORE, type CallSessionStore } from './call-session.store';
import { MemoryCallSessionStore } from './memory-call-session.store';
import { RedisCallSessionStore } from './redis-call-session.store';

/** Redis in distributed mode (shared by the instances); in memory in embedded mode, which has no Redis. */
export const callSessionStoreProvider: FactoryProvider<CallSessionStore> = {
  provide: CALL_SESSION_STORE,
  inject: [RUN_MODE, { token: REDIS_CLIENT, optional: true }],
  useFactory: (mode: RunMode, redis: Redis | undefined): CallSessionStore => {
    if (mode === 'distributed' && redis !== undefined) return new RedisCallSessionStore(redis);
    return new MemoryCallSessionStore();
  },
};
