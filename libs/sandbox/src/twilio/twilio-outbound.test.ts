import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import twilio from 'twilio';
import type { CallLeg } from './call-leg';
import { TwilioStandIn } from './twilio.stand-in';
import { twilioClientFor } from './twilio-sdk.client';
import { type ReceivedWebhook, twimlReply, VoiceAppFixture } from './voice-app.fixture';

const ACCOUNT_SID = 'AC' + '13579bdf02468ace'.repeat(2);
const AUTH_TOKEN = 'outbound-test-token';
const FROM = '+15550003000';

describe('Twilio stand-in: outbound calls, status callbacks and AMD', () => {
  let standIn: TwilioStandIn;
  let app: VoiceAppFixture;
  let client: twilio.Twilio;

  before(async () => {
    app = await VoiceAppFixture.start(AUTH_TOKEN);
    standIn = await TwilioStandIn.start({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, ringMs: 120, amdMs: 80 });
    client = twilioClientFor(standIn);
    app.handle('/answer', () => {
      const response = new twilio.twiml.VoiceResponse();
      response.say('Hi.');
      response.hangup();
      return twimlReply(response);
    });
  });
  beforeEach(() => standIn.onOutboundCall(() => ({ kind: 'answer', by: 'human' })));
  after(async () => {
    await standIn.close();
    await app.close();
  });

  function callbacksOf(callSid: string): ReceivedWebhook[] {
    return app.received('/status').filter((webhook) => webhook.params.CallSid === callSid);
  }

  async function finalCallback(callSid: string): Promise<ReceivedWebhook> {
    return app.waitForWebhook((webhook) => webhook.path === '/status' && webhook.params.CallSid === callSid && webhook.params.CallDuration !== undefined);
  }

  it('sends the subscribed status callbacks in order with SequenceNumber from 0, and sync AMD answers the Url with AnsweredBy', async () => {
    let handedLeg: CallLeg | undefined;
    standIn.onOutboundCall((call) => {
      assert.equal(call.to, '+15550104000');
      return { kind: 'answer', by: 'human', onLeg: (leg) => (handedLeg = leg) };
    });
    const call = await client.calls.create({
      to: '+15550104000',
      from: FROM,
      url: app.url('/answer'),
      statusCallback: app.url('/status'),
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      machineDetection: 'Enable',
    });
    const last = await finalCallback(call.sid);
    const callbacks = callbacksOf(call.sid);
    assert.deepEqual(
      callbacks.map((webhook) => [webhook.params.SequenceNumber, webhook.params.CallStatus]),
      [['0', 'initiated'], ['1', 'ringing'], ['2', 'in-progress'], ['3', 'completed']],
    );
    assert.ok(callbacks.every((webhook) => webhook.signatureValid && webhook.params.CallbackSource === 'call-progress-events'));
    assert.ok(callbacks.every((webhook) => webhook.params.Direction === 'outbound-api' && webhook.params.To === '+15550104000' && webhook.params.From === FROM));
    assert.ok(callbacks.every((webhook) => /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/.test(webhook.params.Timestamp ?? '')));
    assert.equal(last.params.SipResponseCode, '200');
    assert.equal(last.params.AnsweredBy, 'human');
    assert.match(last.params.CallDuration ?? '', /^\d+$/);

    const answer = app.received('/answer').find((webhook) => webhook.params.CallSid === call.sid);
    assert.equal(answer?.signatureValid, true);
    assert.equal(answer?.params.AnsweredBy, 'human');
    assert.equal(answer?.params.CallStatus, 'in-progress');
    assert.equal(handedLeg?.callSid, call.sid);
    assert.equal(handedLeg?.direction, 'outbound-api');
    const ended = await handedLeg?.ended;
    assert.equal(ended?.reason, 'app-hung-up');
    const record = standIn.call(call.sid);
    assert.deepEqual(record?.verbs, ['Say', 'Hangup']);
    assert.equal(record?.answeredBy, 'human');
    assert.ok((record?.agentAudioBytesPlayed ?? 0) >= 1_400, 'the <Say> was played to the callee');
    assert.equal((await client.calls(call.sid).fetch()).answeredBy, 'human');
  });

  it('AsyncAmd: the Url is requested at once and AsyncAmdStatusCallback gets AnsweredBy and MachineDetectionDuration', async () => {
    standIn.onOutboundCall(() => ({ kind: 'answer', by: 'machine_end_beep' }));
    const legs: CallLeg[] = [];
    const onLeg = (leg: CallLeg): void => void legs.push(leg);
    standIn.on('outboundLeg', onLeg);
    const call = await client.calls.create({
      to: '+15550104001',
      from: FROM,
      url: app.url('/answer'),
      machineDetection: 'DetectMessageEnd',
      asyncAmd: 'true',
      asyncAmdStatusCallback: app.url('/amd'),
    });
    const amd = await app.waitForWebhook((webhook) => webhook.path === '/amd' && webhook.params.CallSid === call.sid);
    standIn.off('outboundLeg', onLeg);
    assert.equal(amd.signatureValid, true);
    assert.deepEqual({ ...amd.params }, { AccountSid: ACCOUNT_SID, CallSid: call.sid, AnsweredBy: 'machine_end_beep', MachineDetectionDuration: '80' });
    const answer = app.received('/answer').find((webhook) => webhook.params.CallSid === call.sid);
    assert.equal(answer?.params.AnsweredBy, undefined, 'with AsyncAmd the Url request does not wait for detection');
    assert.ok(answer !== undefined && answer.atMs < amd.atMs);
    assert.equal(legs[0]?.callSid, call.sid, 'without onLeg the leg is emitted as outboundLeg');
  });

  it('a callee who does not answer ends with no-answer; only completed is sent by default', async () => {
    standIn.onOutboundCall(() => ({ kind: 'no-answer' }));
    const call = await client.calls.create({ to: '+15550104002', from: FROM, url: app.url('/answer'), statusCallback: app.url('/status') });
    const last = await finalCallback(call.sid);
    assert.equal(last.params.CallStatus, 'no-answer');
    assert.equal(last.params.SequenceNumber, '0');
    assert.equal(last.params.CallDuration, '0');
    assert.equal(last.params.SipResponseCode, '487');
    assert.equal(callbacksOf(call.sid).length, 1);
    assert.equal(app.received('/answer').filter((webhook) => webhook.params.CallSid === call.sid).length, 0);
    const fetched = await client.calls(call.sid).fetch();
    assert.equal(fetched.status, 'no-answer');
    assert.deepEqual(standIn.call(call.sid)?.statusHistory.map((entry) => entry.status), ['queued', 'ringing', 'no-answer']);
  });

  it('a busy line ends with busy without ringing', async () => {
    standIn.onOutboundCall(() => ({ kind: 'busy' }));
    const call = await client.calls.create({
      to: '+15550104003',
      from: FROM,
      url: app.url('/answer'),
      statusCallback: app.url('/status'),
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    });
    await finalCallback(call.sid);
    assert.deepEqual(callbacksOf(call.sid).map((webhook) => [webhook.params.SequenceNumber, webhook.params.CallStatus]), [['0', 'initiated'], ['1', 'busy']]);
    assert.equal((await client.calls(call.sid).fetch()).status, 'busy');
  });

  it('a failed line ends with failed; a pick-up later than Timeout is no-answer', async () => {
    standIn.onOutboundCall(() => ({ kind: 'failed' }));
    const failed = await client.calls.create({ to: '+15550104004', from: FROM, url: app.url('/answer'), statusCallback: app.url('/status') });
    assert.equal((await finalCallback(failed.sid)).params.CallStatus, 'failed');

    standIn.onOutboundCall(() => ({ kind: 'answer', afterMs: 5_000 }));
    const started = performance.now();
    const late = await client.calls.create({ to: '+15550104005', from: FROM, url: app.url('/answer'), statusCallback: app.url('/status'), timeout: 1 });
    assert.equal((await finalCallback(late.sid)).params.CallStatus, 'no-answer');
    const tookMs = performance.now() - started;
    assert.ok(tookMs >= 950 && tookMs < 2_000, `rang for Timeout=1 s (${tookMs.toFixed(0)} ms)`);
  });

  it('canceling a ringing call ends it as canceled', async () => {
    standIn.onOutboundCall(() => ({ kind: 'answer', afterMs: 5_000 }));
    const call = await client.calls.create({ to: '+15550104006', from: FROM, url: app.url('/answer'), statusCallback: app.url('/status') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const canceled = await client.calls(call.sid).update({ status: 'canceled' });
    assert.equal(canceled.status, 'canceled');
    assert.equal((await finalCallback(call.sid)).params.CallStatus, 'canceled');
  });
});
