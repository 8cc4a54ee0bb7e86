import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CALL_SESSION_SCHEMA_VERSION, callSessionSchema, createCallSession } from './call-session';
import { populatedSession } from './call-session.test-support';

describe('call session', () => {
  it('starts empty at version 0 in the flow\'s first stage', () => {
    const session = createCallSession({ callId: 'c1', tenantId: 't1', direction: 'inbound', flowId: 'intake', stage: 'GREETING', nowMs: 5 });
    assert.deepEqual(session, {
      schemaVersion: CALL_SESSION_SCHEMA_VERSION,
      version: 0,
      callId: 'c1',
      tenantId: 't1',
      direction: 'inbound',
      flowId: 'intake',
      stage: 'GREETING',
      slots: {},
      history: [],
      agentTurn: null,
      pendingToolCalls: {},
      counters: { turn: 0, silenceReprompts: 0, failedCaptures: 0 },
      processed: { lastSeqByStream: {}, recentIds: [] },
      facts: {},
      updatedAtMs: 5,
    });
    assert.equal(callSessionSchema.safeParse(session).success, true);
  });

  it('validates a populated session as produced by the update helpers', () => {
    const result = callSessionSchema.safeParse(populatedSession('c1'));
    assert.equal(result.success, true, JSON.stringify(result.error?.issues.map((issue) => issue.path)));
  });

  it('reads a session stored without facts as having none', () => {
    const { facts: _facts, ...withoutFacts } = populatedSession('c1');
    const result = callSessionSchema.safeParse(withoutFacts);
    assert.equal(result.success, true);
    assert.deepEqual(result.data?.facts, {});
  });

  it('refuses a fact that is not a string', () => {
    const result = callSessionSchema.safeParse({ ...populatedSession('c1'), facts: { offeredSlots: 3 } });
    assert.equal(result.success, false);
  });
});
