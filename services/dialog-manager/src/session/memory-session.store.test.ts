import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshSession } from './call-session.test-support';
import { MemorySessionStore } from './memory-session.store';
import { runSessionStoreSuite } from './session-store.suite';
import { SESSION_STORE_POLICY } from './session.store';

runSessionStoreSuite('memory', async () => {
  let nowMs = 1_000_000;
  const store = new MemorySessionStore({ now: () => nowMs });
  return {
    store,
    peer: store,
    ttlMs: SESSION_STORE_POLICY.ttlMs,
    elapse: async (ms) => {
      nowMs += ms;
    },
    close: async () => undefined,
  };
}, { holdsRawValues: false });

describe('memory session store', () => {
  it('expires a session exactly at its TTL, by the injected clock', async () => {
    let nowMs = 0;
    const store = new MemorySessionStore({ ttlMs: 1_000, now: () => nowMs });
    const created = await store.create(freshSession('call-ttl'));
    assert.equal(created.updatedAtMs, 0);
    nowMs = 999;
    assert.ok((await store.load('call-ttl')) !== undefined);
    nowMs = 1_000;
    assert.equal(await store.load('call-ttl'), undefined);
  });

  it('stores a copy: changing a returned object does not change the stored session', async () => {
    const store = new MemorySessionStore();
    const created = await store.create(freshSession('call-copy'));
    (created.history as unknown[]).push({ role: 'caller', text: 'x', turnId: 't9' });
    assert.deepEqual((await store.load('call-copy'))?.history, []);
  });

  for (const ttlMs of [0, -1, 1.5, Number.NaN]) {
    it(`refuses a TTL of ${ttlMs} ms`, () => {
      assert.throws(() => new MemorySessionStore({ ttlMs }), /ttlMs must be a positive integer/);
    });
  }
});
