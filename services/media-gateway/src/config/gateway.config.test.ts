import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveDrainGraceMs } from './gateway.config';

describe('effectiveDrainGraceMs', () => {
  it('keeps the configured drain grace when the shutdown deadline leaves room for it', () => {
    assert.equal(effectiveDrainGraceMs({ MEDIA_DRAIN_GRACE_MS: 5_000, SHUTDOWN_GRACE_MS: 15_000 }), 5_000);
  });

  it('clamps it so closing still fits before the shutdown deadline, and never below zero', () => {
    assert.equal(effectiveDrainGraceMs({ MEDIA_DRAIN_GRACE_MS: 30_000, SHUTDOWN_GRACE_MS: 10_000 }), 7_000);
    assert.equal(effectiveDrainGraceMs({ MEDIA_DRAIN_GRACE_MS: 30_000, SHUTDOWN_GRACE_MS: 1_000 }), 0);
  });
});
