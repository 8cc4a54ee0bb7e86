import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { speechLikeMulaw } from '@va/audio';
import twilio from 'twilio';
import type { CallLeg } from './call-leg';
import { TwilioStandIn } from './twilio.stand-in';
import { twilioClientFor } from './twilio-sdk.client';
import { type AppStream, twimlReply, VoiceAppFixture } from './voice-app.fixture';

const ACCOUNT_SID = 'AC' + 'abcdef0123456789'.repeat(2);
const AUTH_TOKEN = 'media-test-token';
const NUMBER = '+15550001000';
const CALLER = '+15557654321';

interface HeardFrame {
  readonly bytes: number;
  readonly atMs: number;
  readonly deliveredMs: number;
}

describe('Twilio stand-in: inbound call, webhooks and Media Streams', () => {
  let standIn: TwilioStandIn;
  let app: VoiceAppFixture;

  before(async () => {
    app = await VoiceAppFixture.start(AUTH_TOKEN);
    standIn = await TwilioStandIn.start({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    standIn.addIncomingNumber(NUMBER, { voiceUrl: app.url('/voice'), statusCallback: app.url('/status') });
    app.handle('/voice', (webhook) => {
      const response = new twilio.twiml.VoiceResponse();
      const stream = response.connect({ action: app.url('/after-stream') }).stream({ url: app.wsUrl('/media') });
      stream.parameter({ name: 'callId', value: `call-${webhook.params.CallSid}` });
      stream.parameter({ name: 'tenant', value: 'acme & co' });
      return twimlReply(response);
    });
  });
  after(async () => {
    await standIn.close();
    await app.close();
  });

  async function startCall(): Promise<{ leg: CallLeg; stream: AppStream }> {
    const leg = await standIn.placeInboundCall({ from: CALLER, to: NUMBER });
    const stream = await app.nextStream();
    await leg.mediaConnected;
    await stream.waitFor((message) => message.event === 'start');
    return { leg, stream };
  }

  it('sends a signed voice webhook, then connected and start with the TwiML parameters, paced media, dtmf and stop', async () => {
    const { leg, stream } = await startCall();
    const voice = await app.waitForWebhook((webhook) => webhook.path === '/voice' && webhook.params.CallSid === leg.callSid);
    assert.equal(voice.signatureValid, true, 'X-Twilio-Signature validates with twilio.validateRequest');
    assert.equal(voice.method, 'POST');
    assert.match(voice.contentType, /^application\/x-www-form-urlencoded/);
    assert.deepEqual(
      { ...voice.params },
      { AccountSid: ACCOUNT_SID, ApiVersion: '2010-04-01', CallSid: leg.callSid, CallStatus: 'ringing', Called: NUMBER, Caller: CALLER, Direction: 'inbound', From: CALLER, To: NUMBER },
    );
    assert.equal(stream.signatureValid, true, 'the WebSocket handshake is signed');
    assert.equal(leg.direction, 'inbound');

    const [connected, start] = stream.messages.map((entry) => entry.message);
    assert.deepEqual(connected, { event: 'connected', protocol: 'Call', version: '1.0.0' });
    assert.match(String(start?.streamSid), /^MZ[0-9a-f]{32}$/);
    assert.deepEqual(start, {
      event: 'start',
      sequenceNumber: '1',
      streamSid: stream.streamSid,
      start: {
        accountSid: ACCOUNT_SID,
        streamSid: stream.streamSid,
        callSid: leg.callSid,
        tracks: ['inbound'],
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        customParameters: { callId: `call-${leg.callSid}`, tenant: 'acme & co' },
      },
    });

    const speech = speechLikeMulaw(300, 7);
    const speechQueuedAt = performance.now();
    const speechSent = leg.sendAudio(speech).then(() => performance.now() - speechQueuedAt);
    await stream.waitFor((message) => message.event === 'media' && (message.media as { chunk: string }).chunk === '61', 3_000);
    const media = stream.of('media');
    media.forEach((entry, index) => {
      const body = entry.message.media as Record<string, string>;
      assert.equal(body.track, 'inbound');
      assert.equal(body.chunk, String(index + 1));
      assert.equal(body.timestamp, String(index * 20));
      assert.equal(Buffer.from(body.payload ?? '', 'base64').length, 160);
    });
    const paceMs = (media[60]?.atMs ?? 0) - (media[10]?.atMs ?? 0);
    assert.ok(paceMs > 900 && paceMs < 1_100, `50 frames took ${paceMs.toFixed(0)} ms`);
    const inbound = Buffer.concat(media.map((entry) => Buffer.from((entry.message.media as { payload: string }).payload, 'base64')));
    assert.ok(inbound.indexOf(Buffer.from(speech)) >= 0, 'the caller audio arrives intact inside the frames');
    assert.ok(inbound.subarray(inbound.length - 160 * 20).every((byte) => byte === 0xff), 'silence frames keep flowing after the speech');
    const sentAfterMs = await speechSent;
    assert.ok(sentAfterMs >= 260 && sentAfterMs < 500, `300 ms of speech was sent in ${sentAfterMs.toFixed(0)} ms`);

    leg.sendDtmf('7');
    const dtmf = await stream.waitFor((message) => message.event === 'dtmf');
    assert.deepEqual(dtmf.message.dtmf, { track: 'inbound_track', digit: '7' });
    assert.throws(() => leg.sendDtmf('x'));

    await leg.hangUp();
    const stop = await stream.waitFor((message) => message.event === 'stop');
    assert.deepEqual(stop.message, { event: 'stop', sequenceNumber: stop.message.sequenceNumber, streamSid: stream.streamSid, stop: { accountSid: ACCOUNT_SID, callSid: leg.callSid } });
    assert.equal((await stream.closed).code, 1000);
    const sequence = stream.messages.slice(1).map((entry) => entry.message.sequenceNumber);
    assert.deepEqual(sequence, sequence.map((_, index) => String(index + 1)), 'one sequenceNumber counter from "1" over all messages');

    const ended = await leg.ended;
    assert.deepEqual(ended, { reason: 'caller-hung-up', callSid: leg.callSid, status: 'completed' });
    const completed = await app.waitForWebhook((webhook) => webhook.path === '/status' && webhook.params.CallSid === leg.callSid);
    assert.equal(completed.signatureValid, true);
    assert.equal(completed.params.CallStatus, 'completed');
    assert.equal(completed.params.SequenceNumber, '0');
    assert.equal(completed.params.CallbackSource, 'call-progress-events');
    assert.match(completed.params.CallDuration ?? '', /^\d+$/);
    const record = standIn.call(leg.callSid);
    assert.equal(record?.status, 'completed');
    assert.deepEqual(record?.streams[0]?.customParameters, { callId: `call-${leg.callSid}`, tenant: 'acme & co' });
    assert.equal(record?.dtmfSent, 1);
  });

  it('plays app audio in real time: the mark comes back when it has played, frames reach the caller at play-out pace', async () => {
    const { leg, stream } = await startCall();
    const heard: HeardFrame[] = [];
    leg.onAgentAudio((frame, atMs) => heard.push({ bytes: frame.length, atMs, deliveredMs: performance.now() }));

    const idleMarkAt = performance.now();
    stream.sendMark('idle');
    const idle = await stream.waitFor((message) => message.event === 'mark');
    assert.ok(idle.atMs - idleMarkAt < 50, 'a mark with nothing queued comes straight back');

    const audio = speechLikeMulaw(400, 3);
    const sentAt = performance.now();
    for (let offset = 0; offset < audio.length; offset += 700) stream.sendAudio(audio.subarray(offset, offset + 700));
    stream.sendMark('greeting');
    const echoed = await stream.waitFor((message) => message.event === 'mark' && (message.mark as { name: string }).name === 'greeting');
    const markAfterMs = echoed.atMs - sentAt;
    assert.ok(markAfterMs >= 395 && markAfterMs < 600, `mark came back ${markAfterMs.toFixed(0)} ms after 400 ms of audio`);
    assert.deepEqual(echoed.message, { event: 'mark', sequenceNumber: echoed.message.sequenceNumber, streamSid: stream.streamSid, mark: { name: 'greeting' } });
    assert.match(String(echoed.message.sequenceNumber), /^\d+$/);

    assert.equal(heard.reduce((sum, frame) => sum + frame.bytes, 0), audio.length);
    assert.equal(heard.length, 20);
    const first = heard[0];
    const last = heard.at(-1);
    assert.ok(first !== undefined && last !== undefined);
    assert.ok(Math.abs(last.atMs - first.atMs - 380) < 5, `frames are stamped 20 ms apart (${(last.atMs - first.atMs).toFixed(1)} ms)`);
    assert.ok(last.deliveredMs - first.deliveredMs > 340, 'frames are delivered as they play, not all at once');
    assert.ok(heard.every((frame) => frame.deliveredMs - frame.atMs < 40), 'each frame is delivered when it starts playing');
    assert.deepEqual(standIn.call(leg.callSid)?.marksEchoed, ['idle', 'greeting']);
    await leg.hangUp();
  });

  it('clear drops queued audio at once, echoes pending marks in order, and the caller stops hearing', async () => {
    const { leg, stream } = await startCall();
    let heardBytes = 0;
    let lastFrameAt = 0;
    leg.onAgentAudio((frame) => {
      heardBytes += frame.length;
      lastFrameAt = performance.now();
    });
    const sentAt = performance.now();
    stream.sendAudio(speechLikeMulaw(2_000, 4));
    stream.sendMark('first');
    stream.sendAudio(speechLikeMulaw(1_000, 5));
    stream.sendMark('second');
    await sleep(200);
    const clearAt = performance.now();
    stream.send({ event: 'clear', streamSid: stream.streamSid });
    const second = await stream.waitFor((message) => message.event === 'mark' && (message.mark as { name: string }).name === 'second');
    const marks = stream.of('mark').map((entry) => (entry.message.mark as { name: string }).name);
    assert.deepEqual(marks, ['first', 'second']);
    assert.ok(second.atMs - clearAt < 50, `pending marks echoed ${(second.atMs - clearAt).toFixed(0)} ms after clear`);
    const heardAtClear = heardBytes;
    assert.ok(heardAtClear >= 1_280 && heardAtClear <= 2_400, `about 200 ms heard before clear (${heardAtClear} bytes)`);
    await sleep(150);
    assert.equal(heardBytes, heardAtClear, 'nothing plays after clear');
    assert.ok(lastFrameAt <= clearAt + 1);
    assert.ok(clearAt - sentAt < 400);

    const resumedAt = performance.now();
    stream.sendAudio(speechLikeMulaw(100, 6));
    stream.sendMark('after-clear');
    const resumed = await stream.waitFor((message) => message.event === 'mark' && (message.mark as { name: string }).name === 'after-clear');
    assert.ok(resumed.atMs - resumedAt >= 95 && resumed.atMs - resumedAt < 250, 'new audio plays from now after a clear');
    await leg.hangUp();
  });

  it('counts malformed frames from the app and carries on', async () => {
    const { leg, stream } = await startCall();
    const sid = stream.streamSid;
    stream.send('not json at all');
    stream.send('[1,2,3]');
    stream.send({ event: 'bogus', streamSid: sid });
    stream.send({ event: 'media', streamSid: sid, media: { payload: '@@not-base64@@' } });
    stream.send({ event: 'mark', streamSid: sid, mark: {} });
    stream.send({ event: 'media', streamSid: 'MZ' + '0'.repeat(32), media: { payload: 'AAAA' } });
    stream.socket.send(Buffer.from([1, 2, 3]));
    const mediaBefore = stream.of('media').length;
    stream.sendMark('still-alive');
    await stream.waitFor((message) => message.event === 'mark' && (message.mark as { name: string }).name === 'still-alive');
    await stream.waitFor(() => stream.of('media').length > mediaBefore + 5);
    const record = standIn.call(leg.callSid);
    assert.equal(record?.mediaStreamErrors, 7);
    assert.equal(record?.mediaStreamProblems.length, 7);
    assert.equal(record?.status, 'in-progress');
    await leg.hangUp();
  });

  it('when the app closes the socket, the Connect action is requested and its TwiML runs (transfer)', async () => {
    app.handle('/after-stream', () => {
      const response = new twilio.twiml.VoiceResponse();
      response.dial({ callerId: NUMBER }).number('+15559990000');
      return twimlReply(response);
    });
    const { leg, stream } = await startCall();
    stream.socket.close(1000);
    const ended = await leg.ended;
    assert.deepEqual(ended, { reason: 'transferred', target: '+15559990000', callSid: leg.callSid, status: 'completed' });
    const action = await app.waitForWebhook((webhook) => webhook.path === '/after-stream' && webhook.params.CallSid === leg.callSid);
    assert.equal(action.signatureValid, true);
    assert.equal(action.params.CallStatus, 'in-progress');
    const record = standIn.call(leg.callSid);
    assert.deepEqual(record?.verbs, ['Connect', 'Dial']);
    assert.equal(record?.dialTarget, '+15559990000');
    assert.equal(stream.of('stop').length, 0, 'no stop after the app closed the socket itself');
  });

  it('a REST update mid-stream sends stop, closes the socket and runs the new TwiML', async () => {
    const { leg, stream } = await startCall();
    const client = twilioClientFor(standIn);
    await client.calls(leg.callSid).update({ twiml: '<Response><Hangup/></Response>' });
    await stream.waitFor((message) => message.event === 'stop');
    await stream.closed;
    const ended = await leg.ended;
    assert.equal(ended.reason, 'app-hung-up');
    assert.deepEqual(standIn.call(leg.callSid)?.verbs, ['Connect', 'Hangup']);
  });

  it('a stream URL nobody answers is recorded as error 31920 and ends the call', async () => {
    app.handle('/voice-dead-stream', () => twimlReply(`<Response><Connect><Stream url="ws://127.0.0.1:1/media"/></Connect></Response>`));
    standIn.addIncomingNumber('+15550002000', { voiceUrl: app.url('/voice-dead-stream') });
    const leg = await standIn.placeInboundCall({ from: CALLER, to: '+15550002000' });
    const ended = await leg.ended;
    assert.equal(ended.reason, 'failed');
    assert.equal(ended.reason === 'failed' ? ended.error.code : 0, 31920);
    await assert.rejects(leg.mediaConnected);
  });
});
