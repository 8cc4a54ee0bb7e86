import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshSession } from './call-session.test-support';
import { EVENT_DEDUPE_POLICY, hasProcessedEventId, hasProcessedSeq, markEventIdProcessed, markSeqProcessed } from './event-dedupe.update';

describe('event dedupe', () => {
  it('treats every position up to the watermark of a stream as processed', () => {
    const session = markSeqProcessed(freshSession('call-1'), 'call.transcript', '10');
    const cases: [stream: string, seq: string, processed: boolean][] = [
      ['call.transcript', '9', true],
      ['call.transcript', '10', true],
      ['call.transcript', '11', false],
      ['call.playback', '3', false],
    ];
    for (const [stream, seq, processed] of cases) assert.equal(hasProcessedSeq(session, stream, seq), processed, `${stream}@${seq}`);
  });

  it('compares positions as integers, beyond 2^53, and never lowers the watermark', () => {
    let session = markSeqProcessed(freshSession('call-1'), 'call.transcript', '9');
    session = markSeqProcessed(session, 'call.transcript', '10');
    assert.equal(markSeqProcessed(session, 'call.transcript', '9'), session);
    assert.equal(session.processed.lastSeqByStream['call.transcript'], '10');
    const big = markSeqProcessed(session, 'call.transcript', '9007199254740993');
    assert.equal(hasProcessedSeq(big, 'call.transcript', '9007199254740992'), true);
    assert.equal(hasProcessedSeq(big, 'call.transcript', '9007199254740994'), false);
  });

  for (const seq of ['-1', '1.5', 'abc', '']) {
    it(`refuses the position "${seq}"`, () => {
      assert.throws(() => markSeqProcessed(freshSession('call-1'), 's', seq), /non-negative decimal integer/);
      assert.throws(() => hasProcessedSeq(freshSession('call-1'), 's', seq), /non-negative decimal integer/);
    });
  }

  it('remembers the most recent event IDs only', () => {
    let session = freshSession('call-1');
    for (let index = 0; index <= EVENT_DEDUPE_POLICY.maxRecentIds; index += 1) session = markEventIdProcessed(session, `e${index}`);
    assert.equal(session.processed.recentIds.length, EVENT_DEDUPE_POLICY.maxRecentIds);
    assert.equal(hasProcessedEventId(session, 'e0'), false);
    assert.equal(hasProcessedEventId(session, `e${EVENT_DEDUPE_POLICY.maxRecentIds}`), true);
    assert.equal(markEventIdProcessed(session, 'e1'), session);
  });
});
