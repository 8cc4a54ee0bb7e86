import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { speechLikeMulaw } from '@va/audio';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import { FakeCallLeg } from './call-leg.fake';
import { type PersonaDeps, runPersona, SignalSynthesizer } from './index';

/** Timing assertions allow ±50 ms: two cores, loaded machine. */
const TOLERANCE_MS = 50;

function near(actual: number | null | undefined, expected: number, what: string, toleranceMs = TOLERANCE_MS): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= toleranceMs, `${what}: ${actual} not within ${expected} ± ${toleranceMs}`);
}

function setUp() {
  const callerSpeech = new UtteranceRegistry();
  const agentSpeech = new UtteranceRegistry();
  const deps: PersonaDeps = { voice: new SignalSynthesizer({ msPerCharacter: 10, minimumMs: 300 }), callerSpeech, agentSpeech };
  const leg = new FakeCallLeg(callerSpeech);
  const agentSays = (text: string, durationMs: number, seed: number) => {
    const audio = speechLikeMulaw(durationMs, seed);
    agentSpeech.register(text, audio);
    return audio;
  };
  return { deps, leg, agentSays };
}

describe('runPersona timing', () => {
  it('measures voice-to-voice from the end of the caller utterance to the first agent frame', async () => {
    const { deps, leg, agentSays } = setUp();
    const reply = agentSays('Sure, what day suits you?', 400, 21);
    leg.onCallerSpoke = () => void delay(450).then(() => leg.playAgent(reply));
    const report = await runPersona(leg, [{ say: 'I need an appointment' }, { waitForAgent: { heard: 'what day', timeoutMs: 3_000 } }, { hangUp: true }], deps);

    assert.equal(report.failure, undefined);
    const turn = report.turns[0];
    assert.ok(turn !== undefined);
    near(turn.voiceToVoiceMs, 450, 'voice-to-voice');
    const sentEndMs = leg.sent[0]?.endedAtMs ?? NaN;
    const firstFrameMs = leg.playedFrames[0]?.atMs ?? NaN;
    near(turn.voiceToVoiceMs, firstFrameMs - sentEndMs, 'voice-to-voice against the leg own times', 5);
    near(turn.speechEndedAtMs - turn.sentAtMs, 300, 'utterance took its real duration');
    assert.deepEqual(turn.agentHeard, ['Sure, what day suits you?']);
    near(turn.agentAudioMs, 400, 'agent audio', 1);
    assert.deepEqual(turn.gaps, { count: 0, totalMs: 0, maxMs: 0 });
    assert.equal(turn.interrupted, false);
    assert.equal(report.hungUpBy, 'caller');
    assert.equal(report.endReason, 'caller-hung-up');
  });

  it('waits for agent silence before speaking and finds dead air inside the agent turn', async () => {
    const { deps, leg, agentSays } = setUp();
    const greeting = agentSays('Thanks for calling. How can I help?', 600, 22);
    const played = leg.playAgent(greeting, { holeAfterFrames: 10, holeMs: 200 });
    const report = await runPersona(leg, [{ say: 'Hello there', afterAgentSilenceMs: 500 }, { hangUp: true }], deps);
    await played;

    assert.equal(report.failure, undefined);
    const lastFrame = leg.playedFrames[leg.playedFrames.length - 1];
    near((leg.sent[0]?.startedAtMs ?? NaN) - ((lastFrame?.atMs ?? NaN) + 20), 500, 'caller spoke after 500 ms of agent silence');
    assert.equal(report.agentTurns.length, 1, 'a 200 ms hole does not end the agent turn');
    const agentTurn = report.agentTurns[0];
    assert.equal(agentTurn?.gaps.count, 1);
    near(agentTurn?.gaps.maxMs, 200, 'gap length');
    near(agentTurn?.gaps.totalMs, 200, 'total gap');
    assert.deepEqual(agentTurn?.heard, ['Thanks for calling. How can I help?']);
    assert.equal(report.turns[0]?.voiceToVoiceMs, null, 'no reply before the caller hung up');
  });

  it('barges in once the agent turn has played long enough and marks the turn interrupted', async () => {
    const { deps, leg, agentSays } = setUp();
    const longAnswer = agentSays('We have openings on Monday, Tuesday, Wednesday and Thursday.', 2_000, 23);
    const reply = agentSays('Of course, take your time.', 300, 24);
    leg.onCallerStarted = () => void delay(150).then(() => leg.stopAgent());
    leg.onCallerSpoke = () => void delay(300).then(() => leg.playAgent(reply));
    const played = leg.playAgent(longAnswer);
    const report = await runPersona(leg, [{ interrupt: 'Sorry, wait a moment', afterAgentAudioMs: 500 }, { waitForAgent: { heard: /take your time/, timeoutMs: 3_000 } }, { hangUp: true }], deps);
    await played;

    assert.equal(report.failure, undefined);
    const sent = leg.sent[0];
    const agentStartMs = leg.playedFrames[0]?.atMs ?? NaN;
    near((sent?.startedAtMs ?? NaN) - agentStartMs, 500, 'barge-in point');
    assert.ok(leg.playedFrames.some((frame) => frame.atMs > (sent?.startedAtMs ?? Infinity)), 'agent audio still arriving when the caller spoke');
    const turn = report.turns[0];
    assert.equal(turn?.kind, 'interrupt');
    assert.equal(turn?.interrupted, true);
    near(turn?.agentKeptPlayingMs, 150, 'agent kept playing after barge-in');
    near(turn?.voiceToVoiceMs, 300, 'reply after the interruption');
    assert.deepEqual(turn?.agentHeard, ['Of course, take your time.']);
    const cut = report.agentTurns[0];
    assert.equal(cut?.interruptedByCaller, true);
    assert.equal(cut?.pieces[0]?.text, 'We have openings on Monday, Tuesday, Wednesday and Thursday.');
    near((cut?.pieces[0]?.share ?? NaN) * 2_000, 650, 'share of the long answer heard', 60);
  });
});
