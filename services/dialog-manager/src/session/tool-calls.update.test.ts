import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freshSession } from './call-session.test-support';
import { addPendingToolCall, overdueToolCalls, resolvePendingToolCall } from './tool-calls.update';

describe('pending tool call updates', () => {
  const call = (requestedAtMs: number) => ({ toolName: 'check_eligibility', idempotencyKey: `call-1:t${requestedAtMs}`, requestedAtMs });

  it('adds a request once and resolves it', () => {
    const added = addPendingToolCall(freshSession('call-1'), 'req-1', call(100));
    assert.deepEqual(added.pendingToolCalls, { 'req-1': call(100) });
    assert.equal(addPendingToolCall(added, 'req-1', call(999)), added, 'a repeated request ID changes nothing');
    const resolved = resolvePendingToolCall(added, 'req-1');
    assert.deepEqual(resolved.pendingToolCalls, {});
    assert.equal(resolvePendingToolCall(resolved, 'req-1'), resolved);
  });

  it('lists the requests waited on for at least the timeout', () => {
    let session = addPendingToolCall(freshSession('call-1'), 'old', call(1_000));
    session = addPendingToolCall(session, 'new', call(4_000));
    const cases: [nowMs: number, expected: string[]][] = [
      [3_999, []],
      [4_000, ['old']],
      [7_000, ['old', 'new']],
    ];
    for (const [nowMs, expected] of cases) assert.deepEqual(overdueToolCalls(session, nowMs, 3_000), expected, `at ${nowMs} ms`);
  });
});
