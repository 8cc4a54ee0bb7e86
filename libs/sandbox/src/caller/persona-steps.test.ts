import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { concatAudio, speechLikeMulaw } from '@va/audio';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import { FakeCallLeg } from './call-leg.fake';
import {
  answerAsPersona,
  EspeakSynthesizer,
  type PersonaDeps,
  PersonaScriptError,
  runInboundCall,
  runPersona,
  SignalSynthesizer,
  UNRECOGNISED_AUDIO,
} from './index';

function setUp() {
  const callerSpeech = new UtteranceRegistry();
  const agentSpeech = new UtteranceRegistry();
  const deps: PersonaDeps = { voice: new SignalSynthesizer({ msPerCharacter: 10, minimumMs: 300 }), callerSpeech, agentSpeech };
  const agentSays = (text: string, durationMs: number, seed: number) => {
    const audio = speechLikeMulaw(durationMs, seed);
    agentSpeech.register(text, audio);
    return audio;
  };
  return { deps, callerSpeech, agentSpeech, leg: new FakeCallLeg(callerSpeech), agentSays };
}

describe('runPersona steps', () => {
  it('registers real espeak speech in callerSpeech before sending it', async () => {
    const { deps, callerSpeech, leg } = setUp();
    const report = await runPersona(leg, [{ say: 'Hi' }, { say: 'Hi' }, { hangUp: true }], { ...deps, voice: new EspeakSynthesizer({ wordsPerMinute: 260 }) });
    assert.equal(report.failure, undefined);
    assert.equal(leg.sent.length, 2);
    assert.deepEqual(leg.sent.map((sent) => sent.registeredBeforeSend), [true, true]);
    assert.equal(leg.sent[0]?.audio.length, leg.sent[1]?.audio.length);
    assert.notDeepEqual(leg.sent[0]?.audio, leg.sent[1]?.audio);
    assert.equal(callerSpeech.match(leg.sent[1]?.audio ?? new Uint8Array())?.utterance.text, 'Hi');
    assert.deepEqual(report.turns.map((turn) => turn.callerSaid), ['Hi', 'Hi']);
  });

  it('reports what it heard, in order, with unregistered audio marked', async () => {
    const { deps, leg, agentSays } = setUp();
    const greeting = concatAudio([agentSays('Welcome to the clinic.', 300, 31), speechLikeMulaw(200, 77), agentSays('How can I help?', 300, 32)]);
    const played = leg.playAgent(greeting, { frameBytes: 137 });
    const report = await runPersona(leg, [{ waitForAgent: { heard: /help/, timeoutMs: 3_000 } }, { hangUp: true }], deps);
    await played;
    assert.equal(report.failure, undefined);
    assert.deepEqual(report.agentTurns[0]?.heard, ['Welcome to the clinic.', UNRECOGNISED_AUDIO, 'How can I help?']);
  });

  it('waits for the agent to say something matching, until that piece has played', async () => {
    const { deps, leg, agentSays } = setUp();
    const welcome = agentSays('Welcome to the clinic.', 400, 33);
    const question = agentSays('Please say your date of birth.', 600, 34);
    const played = leg.playAgent(welcome).then(() => delay(300)).then(() => leg.playAgent(question));
    const report = await runPersona(leg, [{ waitForAgent: { heard: /date of birth/i, timeoutMs: 3_000 } }, { say: 'March third' }, { hangUp: true }], deps);
    await played;
    assert.equal(report.failure, undefined);
    const lastFrame = leg.playedFrames[leg.playedFrames.length - 1];
    const afterQuestionMs = (leg.sent[0]?.startedAtMs ?? NaN) - ((lastFrame?.atMs ?? NaN) + 20);
    assert.ok(afterQuestionMs >= -5 && afterQuestionMs <= 50, `spoke ${afterQuestionMs} ms after the question ended`);
    assert.equal(report.agentTurns.length, 1, 'a 300 ms pause stays within one agent turn');
    assert.deepEqual(report.agentTurns[0]?.heard, ['Welcome to the clinic.', 'Please say your date of birth.']);
  });

  it('reports a wait that times out, with what was heard, and hangs up', async () => {
    const { deps, leg, agentSays } = setUp();
    const played = leg.playAgent(agentSays('Welcome to the clinic.', 200, 35));
    const report = await runPersona(leg, [{ waitForAgent: { heard: /never said/, timeoutMs: 400 } }, { say: 'unreachable' }], deps);
    await played;
    assert.match(report.failure ?? '', /^step 1 \(waitForAgent\): timed out after 400 ms waiting for the agent to say \/never said\/ \(agent said: \["Welcome to the clinic\."\]\)$/);
    assert.equal(leg.sent.length, 0);
    assert.equal(report.hungUpBy, 'caller');
  });

  it('keys DTMF digits with gaps', async () => {
    const { deps, leg } = setUp();
    const report = await runPersona(leg, [{ dtmf: '12#', gapMs: 80 }, { dtmf: '9' }, { hangUp: true }], deps);
    assert.equal(report.failure, undefined);
    assert.deepEqual(leg.digits.map((entry) => entry.digit), ['1', '2', '#', '9']);
    const times = leg.digits.map((entry) => entry.atMs);
    for (const index of [1, 2]) assert.ok((times[index] ?? 0) - (times[index - 1] ?? 0) >= 75, `gap before digit ${index}`);
    assert.equal(report.dtmfSent, '12#9');
    assert.deepEqual(report.turns, []);
  });

  it('expects the agent to hang up, and reports when it does not', async () => {
    const first = setUp();
    first.leg.onCallerSpoke = () => void delay(200).then(() => first.leg.end('app-hung-up'));
    const hungUp = await runPersona(first.leg, [{ say: 'That is all, bye' }, { expectHangUpWithinMs: 1_000 }], first.deps);
    assert.equal(hungUp.failure, undefined);
    assert.equal(hungUp.hungUpBy, 'agent');
    assert.equal(hungUp.endReason, 'app-hung-up');
    assert.ok(hungUp.durationMs >= 400 && hungUp.durationMs < 1_000, `duration ${hungUp.durationMs}`);

    const second = setUp();
    const stayed = await runPersona(second.leg, [{ expectHangUpWithinMs: 200 }], second.deps);
    assert.match(stayed.failure ?? '', /step 1 \(expectHangUpWithinMs\): timed out after 200 ms waiting for the agent to hang up/);
    assert.equal(stayed.hungUpBy, 'caller');
  });

  it('reports a call the agent ends in the middle of the script', async () => {
    const { deps, leg } = setUp();
    void delay(150).then(() => leg.end('app-hung-up'));
    const report = await runPersona(leg, [{ waitForAgent: { timeoutMs: 2_000 } }, { say: 'hello?' }], deps);
    assert.equal(report.failure, 'step 1 (waitForAgent): the call ended (app-hung-up) while waiting for the agent to speak');
    assert.equal(report.hungUpBy, 'agent');
    assert.equal(leg.sent.length, 0);
  });

  it('hangs up and rethrows when the voice cannot speak (espeak-ng missing)', async () => {
    const { deps, leg } = setUp();
    const voice = new EspeakSynthesizer({ executable: '/nonexistent/espeak-ng' });
    await assert.rejects(runPersona(leg, [{ say: 'hello' }], { ...deps, voice }), /apt-get install espeak-ng/);
    assert.deepEqual(await leg.ended, { reason: 'caller-hung-up' });
  });

  it('rejects a bad script before touching the call', async () => {
    const { deps, leg } = setUp();
    await assert.rejects(runPersona(leg, [{ say: '' }], deps), PersonaScriptError);
    assert.equal(leg.sent.length, 0);
    let placed = false;
    const twilio = { placeInboundCall: async () => ((placed = true), leg) };
    await assert.rejects(runInboundCall(twilio, { from: '+1', to: '+2' }, [{ pause: -1 }], deps), PersonaScriptError);
    assert.equal(placed, false);
    assert.throws(() => answerAsPersona([{ hangUp: false as true }], deps), PersonaScriptError);
  });

  it('phones in, and answers an outbound call, with the same persona runner', async () => {
    const inbound = setUp();
    const placedWith: { from: string; to: string }[] = [];
    const twilio = { placeInboundCall: async (call: { from: string; to: string }) => (placedWith.push(call), inbound.leg) };
    const inboundReport = await runInboundCall(twilio, { from: '+15550001', to: '+15550002' }, [{ say: 'hello' }, { hangUp: true }], inbound.deps);
    assert.deepEqual(placedWith, [{ from: '+15550001', to: '+15550002' }]);
    assert.equal(inboundReport.callSid, inbound.leg.callSid);
    assert.equal(inboundReport.direction, 'inbound');

    const outbound = setUp();
    const leg = new FakeCallLeg(outbound.callerSpeech, 'outbound-api');
    const callee = answerAsPersona([{ say: 'Hello, who is this?' }, { hangUp: true }], outbound.deps);
    assert.equal(callee.kind, 'answer');
    assert.equal(callee.by, 'human');
    callee.onLeg(leg);
    const outboundReport = await callee.report;
    assert.equal(outboundReport.direction, 'outbound-api');
    assert.deepEqual(outboundReport.turns.map((turn) => turn.callerSaid), ['Hello, who is this?']);
    assert.throws(() => callee.onLeg(leg), /one call only/);
  });
});
