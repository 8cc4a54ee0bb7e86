import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallReport, CallerTurnReport } from '@va/sandbox';
import type { FinishedCall } from './callee.switchboard';
import type { CampaignCounts } from './demo-counts.query';
import { computeDemoSummary, unmetPromises } from './demo-summary.computer';

const COUNTS: CampaignCounts = { dialled: 4, connected: 2, voicemails: 1, skipped: 1, consented: 1, booked: 1, optedOut: 1, dncDialled: 0 };

function turn(voiceToVoiceMs: number | null): CallerTurnReport {
  return {
    callerSaid: 'yes',
    kind: 'say',
    sentAtMs: 0,
    speechEndedAtMs: 0,
    firstAgentAudioAtMs: voiceToVoiceMs,
    voiceToVoiceMs,
    agentHeard: [],
    agentAudioMs: 0,
    gaps: { count: 0, totalMs: 0, maxMs: 0 },
    interrupted: false,
    agentKeptPlayingMs: null,
  };
}

function call(behaviour: FinishedCall['behaviour'], latencies: readonly (number | null)[], failure?: string): FinishedCall {
  const report: CallReport = {
    callSid: 'CA1',
    direction: behaviour === 'inbound' ? 'inbound' : 'outbound-api',
    startedAtMs: 0,
    endedAtMs: 1,
    durationMs: 1,
    turns: latencies.map(turn),
    agentTurns: [],
    hungUpBy: 'agent',
    endReason: 'app-hung-up',
    dtmfSent: '',
    failure,
  };
  return { who: 'Someone', behaviour, report };
}

describe('demo summary', () => {
  it('takes the counts from the database and voice-to-voice percentiles over every answered caller turn of every call', () => {
    const latencies = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000];
    const summary = computeDemoSummary(COUNTS, [call('books', latencies.slice(0, 12)), call('inbound', [...latencies.slice(12), null])]);
    assert.deepEqual(
      { ...summary, script_failures: [...summary.script_failures] },
      {
        dialled: 4,
        connected: 2,
        consented: 1,
        booked: 1,
        opted_out: 1,
        dnc_dialled: 0,
        voicemails: 1,
        skipped: 1,
        inbound_calls: 1,
        v2v_ms: { p50: 1000, p95: 1900, turns: 20 },
        script_failures: [],
      },
    );
  });

  it('has no percentiles without answered turns, and names scripts that did not run to their end', () => {
    const summary = computeDemoSummary(COUNTS, [call('voicemail', [null], 'step 1 timed out')]);
    assert.deepEqual(summary.v2v_ms, { p50: null, p95: null, turns: 0 });
    assert.deepEqual(summary.script_failures, ['Someone (voicemail): step 1 timed out']);
  });

  it('holds its promises only with a booking, an opt-out and no DNC number dialled', () => {
    assert.deepEqual(unmetPromises(computeDemoSummary(COUNTS, [])), []);
    const broken = computeDemoSummary({ ...COUNTS, booked: 0, optedOut: 0, dncDialled: 2 }, []);
    assert.deepEqual(unmetPromises(broken), ['no appointment was booked', 'no opt-out was handled', '2 call(s) went to a number on the DNC list']);
  });
});
