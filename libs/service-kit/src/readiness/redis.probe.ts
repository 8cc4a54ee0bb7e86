import type { Redis } from 'ioredis';
import type { DependencyProbe } from './dependency.probe';

export function createRedisProbe(client: Redis): DependencyProbe {
  return {
    name: 'redis',
    check: async () => {
      const reply = await client.ping();
      return { ok: reply === 'PONG', detail: `PING answered ${reply}` };
    },
  };
}
