import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshSession } from './call-session.test-support';
import { enterStage, recordCallerUtterance, recordSilenceReprompt } from './conversation.update';

describe('conversation updates', () => {
  it('moves to a stage, and returns the same session for the current one', () => {
    const session = enterStage(freshSession('call-1'), 'CONSENT');
    assert.equal(session.stage, 'CONSENT');
    assert.equal(enterStage(session, 'CONSENT'), session);
  });

  it('counts silence reprompts until the caller speaks', () => {
    let session = recordSilenceReprompt(recordSilenceReprompt(freshSession('call-1')));
    assert.equal(session.counters.silenceReprompts, 2);
    session = recordCallerUtterance(session, { turnId: 't3', text: 'sorry, yes' });
    assert.equal(session.counters.silenceReprompts, 0);
    assert.deepEqual(session.history, [{ role: 'caller', text: 'sorry, yes', turnId: 't3' }]);
  });
});
