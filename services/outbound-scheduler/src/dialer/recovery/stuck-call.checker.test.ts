import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from '@va/observability';
import type { StatusCallback } from '../callbacks/callback.params';
import type { ProviderCallState } from '../telephony/outbound.telephony';
import { StuckCallChecker } from './stuck-call.checker';

const quiet = createLogger({ service: 'stuck-call-test', level: 'error' });
const sid = (digit: string) => `CA${digit.repeat(32)}`;

function checker(states: Readonly<Record<string, ProviderCallState | Error>>, recorded: Array<[string, StatusCallback]>): StuckCallChecker {
  return new StuckCallChecker({
    claim: async () => [
      { callId: 'call_a', callSid: sid('a') },
      { callId: 'call_b', callSid: sid('b') },
      { callId: 'call_c', callSid: sid('c') },
      { callId: 'call_d', callSid: sid('d') },
    ],
    telephony: {
      fetchCall: async (callSid) => {
        const state = states[callSid];
        if (state === undefined || state instanceof Error) throw state ?? new Error('unknown');
        return state;
      },
    },
    recorder: {
      record: async (callId, callback) => {
        recorded.push([callId, callback]);
        return ['completed', 'busy', 'failed', 'no-answer', 'canceled'].includes(callback.CallStatus) ? 'completed' : 'progress';
      },
    },
    logger: quiet,
  });
}

describe('StuckCallChecker', () => {
  it('applies a terminal provider status through the recorder, leaves a live call, and survives a failed fetch', async () => {
    const recorded: Array<[string, StatusCallback]> = [];
    const results = await checker(
      {
        [sid('a')]: { status: 'completed', answeredBy: 'machine_start' },
        [sid('b')]: { status: 'in-progress', answeredBy: undefined },
        [sid('c')]: new Error('503'),
        [sid('d')]: { status: 'no-answer', answeredBy: undefined },
      },
      recorded,
    ).check('tenant', new AbortController().signal);
    assert.deepEqual(results, ['applied', 'in_progress', 'fetch_failed', 'applied']);
    assert.deepEqual(recorded, [
      ['call_a', { CallSid: sid('a'), CallStatus: 'completed', AnsweredBy: 'machine_start' }],
      ['call_b', { CallSid: sid('b'), CallStatus: 'in-progress' }],
      ['call_d', { CallSid: sid('d'), CallStatus: 'no-answer' }],
    ]);
  });

  it('records nothing for a status the provider should never report', async () => {
    const recorded: Array<[string, StatusCallback]> = [];
    const results = await checker(
      { [sid('a')]: { status: 'exploded', answeredBy: undefined }, [sid('b')]: new Error('x'), [sid('c')]: new Error('x'), [sid('d')]: new Error('x') },
      recorded,
    ).check('tenant', new AbortController().signal);
    assert.deepEqual(results, ['unreadable', 'fetch_failed', 'fetch_failed', 'fetch_failed']);
    assert.equal(recorded.length, 0);
  });

  it('stops between calls once aborted', async () => {
    const recorded: Array<[string, StatusCallback]> = [];
    const aborted = new AbortController();
    aborted.abort();
    assert.deepEqual(await checker({}, recorded).check('tenant', aborted.signal), []);
  });
});
