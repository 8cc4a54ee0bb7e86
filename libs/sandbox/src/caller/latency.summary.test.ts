import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CallReport, type CallerTurnReport, summarizeLatencies } from './index';

const NO_GAPS = { count: 0, totalMs: 0, maxMs: 0 };

function turnWith(voiceToVoiceMs: number | null): CallerTurnReport {
  const firstAgentAudioAtMs = voiceToVoiceMs === null ? null : 1_000 + voiceToVoiceMs;
  return { callerSaid: 'hi', kind: 'say', sentAtMs: 500, speechEndedAtMs: 1_000, firstAgentAudioAtMs, voiceToVoiceMs, agentHeard: [], agentAudioMs: 0, gaps: NO_GAPS, interrupted: false, agentKeptPlayingMs: null };
}

function reportWith(latencies: readonly (number | null)[]): CallReport {
  return {
    callSid: 'CA1', direction: 'inbound', startedAtMs: 0, endedAtMs: 5_000, durationMs: 5_000, turns: latencies.map(turnWith), agentTurns: [],
    hungUpBy: 'caller', endReason: 'caller-hung-up', dtmfSent: '', failure: undefined,
  };
}

describe('summarizeLatencies', () => {
  it('takes nearest-rank percentiles over every answered turn of every call', () => {
    const values = Array.from({ length: 20 }, (_, index) => (index + 1) * 10);
    const summary = summarizeLatencies([reportWith(values.slice(0, 7)), reportWith([null, ...values.slice(7)])]);
    assert.deepEqual(summary, { count: 20, p50Ms: 100, p95Ms: 190, maxMs: 200 });
  });

  it('handles small and empty sets', () => {
    assert.deepEqual(summarizeLatencies([reportWith([700, 300, 500])]), { count: 3, p50Ms: 500, p95Ms: 700, maxMs: 700 });
    assert.deepEqual(summarizeLatencies([reportWith([null])]), { count: 0, p50Ms: null, p95Ms: null, maxMs: null });
  });
});
