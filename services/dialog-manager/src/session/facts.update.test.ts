import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshSession } from './call-session.test-support';
import { factOf, forgetFactsWithPrefix, rememberFacts } from './facts.update';

describe('facts update', () => {
  it('sets and removes facts without touching the input', () => {
    const start = freshSession('c1');
    const set = rememberFacts(start, { brokerName: 'Sam Lee', offeredSlots: '[]' });
    assert.deepEqual(set.facts, { brokerName: 'Sam Lee', offeredSlots: '[]' });
    assert.deepEqual(start.facts, {});
    const removed = rememberFacts(set, { offeredSlots: undefined });
    assert.deepEqual(removed.facts, { brokerName: 'Sam Lee' });
    assert.equal(factOf(removed, 'brokerName'), 'Sam Lee');
    assert.equal(factOf(removed, 'offeredSlots'), undefined);
  });

  it('returns the same session when nothing changes', () => {
    const session = rememberFacts(freshSession('c1'), { brokerName: 'Sam Lee' });
    assert.equal(rememberFacts(session, { brokerName: 'Sam Lee', missing: undefined }), session);
    assert.equal(forgetFactsWithPrefix(session, 'stage.'), session);
  });

  it('forgets facts by prefix', () => {
    const session = rememberFacts(freshSession('c1'), { 'stage.confusions': '2', 'stage.readBack': 'dateOfBirth', brokerName: 'Sam Lee' });
    assert.deepEqual(forgetFactsWithPrefix(session, 'stage.').facts, { brokerName: 'Sam Lee' });
  });

  it('does not read inherited properties as facts', () => {
    assert.equal(factOf(freshSession('c1'), 'toString'), undefined);
  });
});
