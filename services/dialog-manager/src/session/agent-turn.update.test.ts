import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cancelAgentTurn, recordSegmentHeard, recordSegmentSent, startAgentTurn, unheardSegmentIndexes } from './agent-turn.update';
import { freshSession } from './call-session.test-support';
import { recordCallerUtterance } from './conversation.update';

describe('agent turn updates', () => {
  it('starts a turn once and counts it', () => {
    const started = startAgentTurn(freshSession('call-1'), 't1');
    assert.deepEqual(started.agentTurn, { turnId: 't1', segmentsSent: 0, segmentsHeard: [], cancelled: false });
    assert.equal(started.counters.turn, 1);
    assert.equal(startAgentTurn(started, 't1'), started);
    assert.equal(startAgentTurn(started, 't2').counters.turn, 2);
  });

  it('tracks sent segments of the current turn only', () => {
    let session = startAgentTurn(freshSession('call-1'), 't1');
    session = recordSegmentSent(session, 't1', 0);
    session = recordSegmentSent(session, 't1', 1);
    assert.equal(recordSegmentSent(session, 't1', 0), session, 'a resent segment changes nothing');
    assert.equal(recordSegmentSent(session, 'other', 5), session);
    assert.equal(session.agentTurn?.segmentsSent, 2);
  });

  it('writes only heard segments into the history, one agent entry per turn', () => {
    let session = startAgentTurn(freshSession('call-1'), 't1');
    for (const index of [0, 1, 2]) session = recordSegmentSent(session, 't1', index);
    session = recordSegmentHeard(session, { turnId: 't1', segmentIndex: 0, text: 'Hi, this is Ava.' });
    session = recordSegmentHeard(session, { turnId: 't1', segmentIndex: 1, text: 'I am an automated assistant.' });
    session = cancelAgentTurn(session, 't1');
    assert.deepEqual(session.history, [{ role: 'agent', text: 'Hi, this is Ava. I am an automated assistant.', turnId: 't1' }]);
    assert.deepEqual(unheardSegmentIndexes(session), [2]);
    assert.equal(session.agentTurn?.cancelled, true);
  });

  it('ignores a redelivered heard segment of the current turn', () => {
    const heard = { turnId: 't1', segmentIndex: 0, text: 'Hello.' };
    const once = recordSegmentHeard(recordSegmentSent(startAgentTurn(freshSession('call-1'), 't1'), 't1', 0), heard);
    assert.equal(recordSegmentHeard(once, heard), once);
  });

  it('starts a new agent entry after the caller spoke, and records a late segment of an older turn', () => {
    let session = startAgentTurn(freshSession('call-1'), 't1');
    session = recordSegmentHeard(session, { turnId: 't1', segmentIndex: 0, text: 'Hello.' });
    session = recordCallerUtterance(session, { turnId: 't2', text: 'who is this' });
    session = startAgentTurn(session, 't2');
    session = recordSegmentHeard(session, { turnId: 't1', segmentIndex: 1, text: 'Late.' });
    assert.deepEqual(
      session.history.map((entry) => `${entry.role}:${entry.turnId}`),
      ['agent:t1', 'caller:t2', 'agent:t1'],
    );
    assert.deepEqual(session.agentTurn?.segmentsHeard, [], 'the current turn is not touched');
  });

  it('cancels only the current turn, once', () => {
    const session = startAgentTurn(freshSession('call-1'), 't1');
    assert.equal(cancelAgentTurn(session, 't0'), session);
    const cancelled = cancelAgentTurn(session, 't1');
    assert.equal(cancelAgentTurn(cancelled, 't1'), cancelled);
    assert.deepEqual(unheardSegmentIndexes(freshSession('call-1')), []);
  });
});
