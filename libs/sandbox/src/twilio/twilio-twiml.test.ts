import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import twilio from 'twilio';
import type { CallEndInfo } from './call-leg';
import { TwilioStandIn } from './twilio.stand-in';
import { type AppReply, twimlReply, VoiceAppFixture } from './voice-app.fixture';

const ACCOUNT_SID = 'AC' + '2468ace013579bdf'.repeat(2);
const AUTH_TOKEN = 'twiml-test-token';
const CALLER = '+15557650000';

describe('Twilio stand-in: TwiML verbs and webhook failures', () => {
  let standIn: TwilioStandIn;
  let app: VoiceAppFixture;
  let numberCount = 0;

  before(async () => {
    app = await VoiceAppFixture.start(AUTH_TOKEN);
    standIn = await TwilioStandIn.start({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, webhookTimeoutMs: 300 });
  });
  after(async () => {
    await standIn.close();
    await app.close();
  });

  /** Gives the next number its own voice URL answering `reply`, and calls it. */
  async function callWith(reply: AppReply | (() => AppReply)) {
    numberCount += 1;
    const number = `+1555000${String(4000 + numberCount)}`;
    app.handle(`/voice-${numberCount}`, typeof reply === 'function' ? reply : () => reply);
    standIn.addIncomingNumber(number, { voiceUrl: app.url(`/voice-${numberCount}`) });
    const startedMs = performance.now();
    const leg = await standIn.placeInboundCall({ from: CALLER, to: number });
    let heardBytes = 0;
    leg.onAgentAudio((frame) => (heardBytes += frame.length));
    const ended: CallEndInfo = await leg.ended;
    return { leg, ended, tookMs: performance.now() - startedMs, heardBytes, record: standIn.call(leg.callSid) };
  }

  it('<Say> plays speech of realistic length to the caller, then <Hangup> ends the call', async () => {
    const response = new twilio.twiml.VoiceResponse();
    response.say('Hello, caller.');
    response.hangup();
    const { ended, tookMs, heardBytes, record } = await callWith(twimlReply(response));
    assert.equal(ended.reason, 'app-hung-up');
    assert.equal(ended.status, 'completed');
    assert.equal(heardBytes, 14 * 60 * 8, '60 ms of speech per character');
    assert.ok(tookMs >= 820 && tookMs < 1_200, `the Say took ${tookMs.toFixed(0)} ms of real time`);
    assert.deepEqual(record?.verbs, ['Say', 'Hangup']);
  });

  it('<Pause> waits its length; running out of verbs hangs up', async () => {
    const { ended, tookMs, record } = await callWith(twimlReply('<Response><Pause length="1"/></Response>'));
    assert.equal(ended.reason, 'app-hung-up');
    assert.ok(tookMs >= 990 && tookMs < 1_400, `paused ${tookMs.toFixed(0)} ms`);
    assert.deepEqual(record?.verbs, ['Pause']);
  });

  it('<Dial> transfers the caller: the target is recorded and the leg ends as transferred', async () => {
    const response = new twilio.twiml.VoiceResponse();
    response.dial({ callerId: '+15550000001', answerOnBridge: true }).number('+15551112222');
    response.say('never reached');
    const { ended, record } = await callWith(twimlReply(response));
    assert.equal(ended.reason, 'transferred');
    assert.equal(ended.reason === 'transferred' ? ended.target : '', '+15551112222');
    assert.equal(record?.dialTarget, '+15551112222');
    assert.deepEqual(record?.verbs, ['Dial']);

    const sip = await callWith(twimlReply('<Response><Dial><Sip>sip:agent@pbx.example.com</Sip></Dial></Response>'));
    assert.equal(sip.record?.dialTarget, 'sip:agent@pbx.example.com');
    const bare = await callWith(twimlReply('<Response><Dial>+15553334444</Dial></Response>'));
    assert.equal(bare.record?.dialTarget, '+15553334444');
  });

  it('<Redirect> fetches the next document (relative URL, signed, CallStatus in-progress)', async () => {
    app.handle('/second-document', () => twimlReply('<Response><Hangup/></Response>'));
    const { ended, leg, record } = await callWith(twimlReply('<Response><Redirect method="POST">/second-document</Redirect></Response>'));
    assert.equal(ended.reason, 'app-hung-up');
    const second = app.received('/second-document').find((webhook) => webhook.params.CallSid === leg.callSid);
    assert.equal(second?.signatureValid, true);
    assert.equal(second?.params.CallStatus, 'in-progress');
    assert.deepEqual(record?.verbs, ['Redirect', 'Hangup']);
  });

  it('malformed TwiML ends the call with error 12100 and runs nothing', async () => {
    const { ended, record } = await callWith(twimlReply('<Response><Say>unclosed</Response>'));
    assert.equal(ended.reason, 'failed');
    assert.equal(ended.reason === 'failed' ? ended.error.code : 0, 12100);
    assert.equal(ended.status, 'failed');
    assert.deepEqual(record?.verbs, []);
    assert.equal(record?.errors[0]?.code, 12100);
  });

  it('an unknown verb fails the whole document (12200) before any verb runs; a wrong root is 12102', async () => {
    const unknown = await callWith(twimlReply('<Response><Say>first</Say><Dance/></Response>'));
    assert.equal(unknown.ended.reason === 'failed' ? unknown.ended.error.code : 0, 12200);
    assert.deepEqual(unknown.record?.verbs, []);
    assert.equal(unknown.heardBytes, 0);
    const root = await callWith(twimlReply('<Document><Hangup/></Document>'));
    assert.equal(root.ended.reason === 'failed' ? root.ended.error.code : 0, 12102);
  });

  it('the app answering 500 ends the call with error 11200, recorded on the call', async () => {
    const { ended, record } = await callWith({ status: 500, body: 'boom', contentType: 'text/plain' });
    assert.equal(ended.reason, 'failed');
    assert.equal(ended.reason === 'failed' ? ended.error.code : 0, 11200);
    assert.equal(record?.webhooks[0]?.status, 500);
    assert.equal(record?.webhooks[0]?.purpose, 'voice');
  });

  it('the app not answering within the webhook time limit ends the call with error 11205', async () => {
    const { ended, tookMs } = await callWith({ body: '<Response/>', delayMs: 1_000 });
    assert.equal(ended.reason === 'failed' ? ended.error.code : 0, 11205);
    assert.ok(tookMs >= 290 && tookMs < 900, `gave up after ${tookMs.toFixed(0)} ms`);
  });

  it('a reply that is not TwiML by content type is error 12300', async () => {
    const { ended } = await callWith({ body: '{"say":"hi"}', contentType: 'application/json' });
    assert.equal(ended.reason === 'failed' ? ended.error.code : 0, 12300);
  });

  it('calling a number that is not configured is refused', async () => {
    await assert.rejects(standIn.placeInboundCall({ from: CALLER, to: '+15559999999' }), /not an incoming number/);
  });
});
