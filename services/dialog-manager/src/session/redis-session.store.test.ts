import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { requireRedis, testInfra } from '@va/testing';
import { freshSession } from './call-session.test-support';
import { RedisSessionStore } from './redis-session.store';
import { runSessionStoreSuite } from './session-store.suite';
import { SESSION_STORE_POLICY } from './session.store';

const TTL_MS = 1_000;

/** Every key this run writes starts with this prefix; all are removed at the end. */
const RUN_PREFIX = `va:dialog:test-${randomBytes(4).toString('hex')}:`;

async function deleteRunKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
}

runSessionStoreSuite('redis', async () => {
  await requireRedis();
  const first = new Redis(testInfra.redisUrl);
  const second = new Redis(testInfra.redisUrl);
  const keyPrefix = `${RUN_PREFIX}suite:`;
  return {
    store: new RedisSessionStore(first, { keyPrefix, ttlMs: TTL_MS }),
    peer: new RedisSessionStore(second, { keyPrefix, ttlMs: TTL_MS }),
    ttlMs: TTL_MS,
    elapse: (ms) => sleep(ms),
    writeRawValue: async (callId, raw) => {
      await second.set(`${keyPrefix}${callId}`, raw, 'PX', TTL_MS * 10);
    },
    close: async () => {
      await deleteRunKeys(first, keyPrefix);
      first.disconnect();
      second.disconnect();
    },
  };
}, { holdsRawValues: true });

describe('redis session store: keys', () => {
  let redis: Redis;
  before(async () => {
    await requireRedis();
    redis = new Redis(testInfra.redisUrl);
  });
  after(async () => {
    await deleteRunKeys(redis, RUN_PREFIX);
    redis.disconnect();
  });

  it('keeps a session as JSON under va:dialog:<callId> with the default 2 h TTL', async () => {
    const callId = `${RUN_PREFIX.slice(SESSION_STORE_POLICY.keyPrefix.length)}${randomUUID()}`;
    const key = `${SESSION_STORE_POLICY.keyPrefix}${callId}`;
    assert.ok(key.startsWith(RUN_PREFIX), 'the key stays inside this run\'s prefix');
    const store = new RedisSessionStore(redis);
    try {
      await store.create(freshSession(callId));
      const stored = JSON.parse((await redis.get(key)) ?? 'null') as { callId?: string; version?: number };
      assert.equal(stored.callId, callId);
      assert.equal(stored.version, 1);
      const remainingMs = await redis.pttl(key);
      assert.ok(remainingMs > SESSION_STORE_POLICY.ttlMs - 60_000 && remainingMs <= SESSION_STORE_POLICY.ttlMs, `pttl ${remainingMs}`);
    } finally {
      await redis.del(key);
    }
  });
});
