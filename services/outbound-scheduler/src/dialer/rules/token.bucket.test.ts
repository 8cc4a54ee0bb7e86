import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenBucket } from './token.bucket';

describe('token bucket (calls per second)', () => {
  it('hands out `rate` tokens a second on its clock, none saved beyond the burst', () => {
    let nowMs = 0;
    const bucket = new TokenBucket(4, 1, () => nowMs);
    assert.equal(bucket.tryTake().taken, true);
    const refused = bucket.tryTake();
    assert.deepEqual(refused, { taken: false, waitMs: 250 });
    nowMs = 250;
    assert.equal(bucket.tryTake().taken, true);
    nowMs = 10_000;
    assert.equal(bucket.tryTake().taken, true, 'a token after a long idle time');
    assert.equal(bucket.tryTake().taken, false, 'but only one: the burst is 1');
  });

  it('gives back an unspent token', () => {
    const bucket = new TokenBucket(1, 1, () => 0);
    assert.equal(bucket.tryTake().taken, true);
    bucket.refund();
    assert.equal(bucket.tryTake().taken, true);
    assert.equal(bucket.tryTake().taken, false);
  });

  it('take() waits for the next token in real time, and an abort stops the wait', async () => {
    const bucket = new TokenBucket(20);
    const started = performance.now();
    for (let i = 0; i < 5; i += 1) await bucket.take();
    const elapsedMs = performance.now() - started;
    assert.ok(elapsedMs >= 180, `5 tokens at 20/s take at least ~200 ms (${elapsedMs.toFixed(0)} ms)`);
    const controller = new AbortController();
    const slow = new TokenBucket(0.01);
    await slow.take();
    const waiting = slow.take(controller.signal);
    controller.abort();
    await assert.rejects(waiting);
  });

  it('refuses a rate that is not positive', () => {
    assert.throws(() => new TokenBucket(0));
  });
});
