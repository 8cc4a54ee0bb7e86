import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { populatedSession } from './call-session.test-support';
import { decodeSession, encodeSession } from './session.codec';
import { SessionMalformedError } from './session-store.errors';

describe('session codec', () => {
  it('round-trips a populated session through JSON', () => {
    const session = populatedSession('call-1');
    assert.deepEqual(decodeSession('call-1', encodeSession(session)), session);
  });

  const valid = populatedSession('call-1');
  const cases: [label: string, raw: string, paths: string[]][] = [
    ['not JSON', '{"dateOfBirth": "1952-03-03"', []],
    ['JSON null', 'null', ['(root)']],
    ['an unknown format version', JSON.stringify({ ...valid, schemaVersion: 2 }), ['schemaVersion']],
    ['a negative turn counter', JSON.stringify({ ...valid, counters: { ...valid.counters, turn: -1 } }), ['counters.turn']],
    ['a bad slot', JSON.stringify({ ...valid, slots: { dateOfBirth: { value: 19520303, confirmed: true, attempts: 0 } } }), ['slots.dateOfBirth.value']],
    ['another call\'s session', JSON.stringify(populatedSession('call-2')), ['callId']],
  ];
  for (const [label, raw, paths] of cases) {
    it(`refuses ${label} with a typed error that carries no stored value`, () => {
      assert.throws(
        () => decodeSession('call-1', raw),
        (error: unknown) => {
          assert.ok(error instanceof SessionMalformedError);
          assert.equal(error.code, 'malformed');
          assert.equal(error.retryable, false);
          assert.deepEqual(error.problemPaths, paths);
          assert.ok(!/1952|19520303/.test(error.message), error.message);
          return true;
        },
      );
    });
  }
});
