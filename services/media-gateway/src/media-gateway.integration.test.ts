import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { AudioEncoding, CallEndReason, type MessageInit } from '@va/contracts';
import { createPostgresDatabase, type SqlDatabase } from '@va/data';
import { createTenantFixture } from '@va/data/testing';
import { type CallLeg, type Sandbox, startSandbox, twilioClientFor } from '@va/sandbox';
import { deleteTopicsWithPrefix } from '@va/service-kit/testing';
import { createTestDatabase, requireKafka, requirePostgres, requireRedis, type TestDatabase, uniqueTopicPrefix, waitFor } from '@va/testing';
import twilio from 'twilio';
import WebSocket from 'ws';
import { postTwilioForm, type RunningGateway, startGateway, TopicRecorder } from './gateway.test-support';

const FRAME_BYTES = 160;
const CALLER = '+15557654321';
const NUMBER_A = '+15550990001';
const NUMBER_B = '+15550990002';

interface HeardFrame {
  readonly frame: Uint8Array;
  readonly atMs: number;
}

/** Agent audio for one segment, as the tts publishes it: chunks of `chunkBytes`, text on the last. */
function segmentChunks(callId: string, turnId: string, segmentIndex: number, audio: Uint8Array, chunkBytes: number, lastInTurn = true): Array<MessageInit<'call.audio.out'>> {
  const chunks: Array<MessageInit<'call.audio.out'>> = [];
  for (let offset = 0, index = 0; offset < audio.length; offset += chunkBytes, index += 1) {
    const last = offset + chunkBytes >= audio.length;
    chunks.push({
      callId,
      turnId,
      segmentIndex,
      chunkIndex: index,
      encoding: AudioEncoding.MULAW,
      sampleRateHz: 8_000,
      audio: audio.subarray(offset, offset + chunkBytes),
      lastInSegment: last,
      lastInTurn: last && lastInTurn,
      text: last ? `segment ${segmentIndex} of ${turnId}` : '',
    });
  }
  return chunks;
}

const pattern = (length: number, byte: number) => new Uint8Array(length).fill(byte);

describe('media-gateway (two service processes, real Kafka, Postgres and Redis, the Twilio stand-in as the phone network)', () => {
  const topicPrefix = uniqueTopicPrefix('gateway');
  let sandbox: Sandbox;
  let database: TestDatabase;
  let db: SqlDatabase;
  let gatewayA: RunningGateway;
  let gatewayB: RunningGateway;
  let recorder: TopicRecorder;
  let tenantId: string;
  let clientId: string;

  before(async () => {
    await requireKafka();
    await requirePostgres();
    await requireRedis();
    sandbox = await startSandbox({ latency: 'none' });
    database = await createTestDatabase('gateway');
    recorder = await TopicRecorder.start(topicPrefix, ['call.lifecycle', 'call.audio.in', 'call.playback', 'call.control']);
    [gatewayA, gatewayB] = await Promise.all([startGateway(sandbox, topicPrefix, database.url, 'gw-a'), startGateway(sandbox, topicPrefix, database.url, 'gw-b')]);
    db = createPostgresDatabase({ connectionString: database.url, max: 2 });
    ({ tenantId, clientId } = await db.asOwner(async (session) => {
      const tenant = await createTenantFixture(session, 1);
      for (const number of [NUMBER_A, NUMBER_B]) await session.query(`INSERT INTO tenant_phone_numbers (e164, tenant_id, purpose) VALUES ($1, $2, 'both')`, [number, tenant.tenantId]);
      return { tenantId: tenant.tenantId, clientId: tenant.clientId };
    }));
    sandbox.twilio.addIncomingNumber(NUMBER_A, { voiceUrl: `${gatewayA.url}/twilio/voice`, statusCallback: `${gatewayA.url}/twilio/status` });
    sandbox.twilio.addIncomingNumber(NUMBER_B, { voiceUrl: `${gatewayB.url}/twilio/voice`, statusCallback: `${gatewayB.url}/twilio/status` });
  });

  after(async () => {
    await Promise.all([gatewayA?.process.stop(), gatewayB?.process.stop()]);
    await recorder?.close();
    await sandbox?.close();
    await db?.close();
    await database?.drop();
    await deleteTopicsWithPrefix(topicPrefix);
  });

  /** Places a call through the stand-in and returns it with its platform call id and the agent audio its caller hears. */
  async function placeCall(to: string, instanceId: string): Promise<{ leg: CallLeg; callId: string; heard: HeardFrame[] }> {
    const leg = await sandbox.twilio.placeInboundCall({ from: CALLER, to });
    const heard: HeardFrame[] = [];
    leg.onAgentAudio((frame, atMs) => heard.push({ frame: frame.slice(), atMs }));
    await leg.mediaConnected;
    const started = await recorder.waitFor('call.lifecycle', (event) => event.event.case === 'started' && event.event.value.providerCallId === leg.callSid, `call.started of ${leg.callSid}`);
    assert.equal(started.event.case === 'started' ? started.event.value.gatewayInstanceId : '', instanceId, 'call.started names the instance holding the socket');
    assert.equal(started.tenantId, tenantId);
    return { leg, callId: started.callId, heard };
  }

  const publishAll = async (chunks: ReadonlyArray<MessageInit<'call.audio.out'>>) => {
    for (const chunk of chunks) await recorder.bus.publish('call.audio.out', chunk);
  };

  it('an answered outbound call: the webhook finds the open calls row by ?callId=, and call.started names the client', async () => {
    const callId = `call_outbound_${Date.now()}`;
    await db.inTenant(tenantId, (session) =>
      session.query(`INSERT INTO calls (id, tenant_id, direction, from_e164, to_e164, client_id) VALUES ($1, $2, 'outbound', $3, $4, $5)`, [callId, tenantId, NUMBER_A, CALLER, clientId]),
    );
    sandbox.twilio.onOutboundCall(() => ({ kind: 'answer', by: 'human' }));
    const client = twilioClientFor({ url: sandbox.twilio.url, accountSid: sandbox.credentials.twilioAccountSid, authToken: sandbox.credentials.twilioAuthToken });
    const placed = await client.calls.create({ to: CALLER, from: NUMBER_A, url: `${gatewayA.url}/twilio/voice?callId=${callId}` });
    const started = await recorder.waitFor('call.lifecycle', (event) => event.callId === callId && event.event.case === 'started', 'call.started of the outbound call');
    assert.equal(started.event.case === 'started' ? started.event.value.clientId : '', clientId);
    assert.equal(started.event.case === 'started' ? started.event.value.providerCallId : '', placed.sid);
    const rows = await db.inTenant(tenantId, (session) => session.query<{ provider_call_id: string }>('SELECT provider_call_id FROM calls WHERE id = $1', [callId]));
    assert.equal(rows.rows[0]?.provider_call_id, placed.sid);
    await recorder.bus.publish('call.control', { callId, action: { case: 'hangUp', value: { reason: 'done' } } });
    await recorder.waitFor('call.lifecycle', (event) => event.callId === callId && event.event.case === 'ended', 'call.ended of the outbound call');
  });

  it('refuses a voice webhook with a bad signature (403)', async () => {
    const answer = await postTwilioForm(`${gatewayA.url}/twilio/voice`, { CallSid: 'CA1', From: CALLER, To: NUMBER_A }, sandbox.credentials.twilioAuthToken, 'bm90IGEgc2lnbmF0dXJl');
    assert.equal(answer.status, 403);
  });

  it('answers a call to a number of no tenant with a polite message and a hang-up', async () => {
    const answer = await postTwilioForm(`${gatewayA.url}/twilio/voice`, { CallSid: 'CA2', From: CALLER, To: '+15550000042', Direction: 'inbound' }, sandbox.credentials.twilioAuthToken);
    assert.equal(answer.status, 200);
    assert.match(answer.body, /<Say>[^<]*not in service[^<]*<\/Say><Hangup\/>/);
  });

  it('an inbound call: call.started, ordered caller audio, paced agent audio with marks, cancel → clear, DTMF, hang-up → call.ended', async () => {
    const { leg, callId, heard } = await placeCall(NUMBER_A, 'gw-a');
    const rows = await db.inTenant(tenantId, (session) => session.query<{ direction: string; provider_call_id: string }>('SELECT direction, provider_call_id FROM calls WHERE id = $1', [callId]));
    assert.deepEqual(rows.rows, [{ direction: 'inbound', provider_call_id: leg.callSid }]);

    // Caller audio: 20 ms frames gathered into 40 ms chunks (CALLER_AUDIO_CHUNK_MS), sequence from 1, offsets from the stream's clock.
    await leg.sendAudio(pattern(FRAME_BYTES * 10, 0x11));
    await waitFor(() => recorder.of('call.audio.in', callId).filter((chunk) => chunk.audio[0] === 0x11).length >= 5, { timeoutMs: 10_000, description: 'the caller audio on call.audio.in' });
    const chunks = recorder.of('call.audio.in', callId);
    assert.deepEqual(chunks.map((chunk) => chunk.sequence), chunks.map((_, index) => index + 1), 'sequences from 1, in order, without gaps');
    for (const [index, chunk] of chunks.entries()) {
      assert.equal(chunk.audio.length, FRAME_BYTES * 2);
      assert.equal(chunk.encoding, AudioEncoding.MULAW);
      if (index > 0) assert.equal(chunk.streamOffsetMs - (chunks[index - 1]?.streamOffsetMs ?? 0), 40);
    }
    assert.deepEqual(Buffer.concat(chunks.filter((chunk) => chunk.audio[0] === 0x11).map((chunk) => chunk.audio)), Buffer.from(pattern(FRAME_BYTES * 10, 0x11)), 'the audio arrives whole');

    // Agent audio in odd-sized chunks is heard whole and paced, then its mark is reported.
    const reply = Uint8Array.from({ length: FRAME_BYTES * 50 + 37 }, (_, index) => (index % 100) + 1);
    await publishAll(segmentChunks(callId, 't1', 0, reply, 700));
    const played = await recorder.waitFor('call.playback', (event) => event.callId === callId && event.event.case === 'segmentPlayed', 'segment_played of t1:0');
    assert.deepEqual(played.event.value, { $typeName: 'voiceagent.v1.SegmentPlayed', turnId: 't1', segmentIndex: 0, text: 'segment 0 of t1' });
    const replyFrames = heard.filter(({ frame }) => frame[0] !== 0xff || frame.some((byte) => byte !== 0xff));
    const received = Buffer.concat(replyFrames.map(({ frame }) => frame));
    assert.deepEqual(received.subarray(0, reply.length), Buffer.from(reply), 'the caller heard the reply intact');
    const gaps = replyFrames.slice(1).map(({ atMs }, index) => atMs - (replyFrames[index]?.atMs ?? 0) - 20);
    assert.ok(Math.max(...gaps) < 20, `no gap inside the segment (largest ${Math.max(...gaps).toFixed(1)} ms)`);

    // A long turn cancelled early: the caller stops hearing it and call.playback lists what went unheard.
    await publishAll([...segmentChunks(callId, 't2', 0, pattern(8_000, 0x22), 1_600, false), ...segmentChunks(callId, 't2', 1, pattern(8_000, 0x23), 1_600)]);
    await waitFor(() => heard.filter(({ frame }) => frame[0] === 0x22).length >= 10, { timeoutMs: 10_000, description: 'the caller hearing turn t2' });
    await recorder.bus.publish('call.speech', { callId, command: { case: 'cancel', value: { turnId: 't2', reason: 'barge-in' } } });
    const cleared = await recorder.waitFor('call.playback', (event) => event.callId === callId && event.event.case === 'playbackCleared', 'playback_cleared of t2');
    assert.deepEqual(cleared.event.case === 'playbackCleared' ? [cleared.event.value.turnId, cleared.event.value.unplayedSegmentIndexes] : [], ['t2', [0, 1]]);
    await sleep(300);
    const heardOfT2 = heard.filter(({ frame }) => frame[0] === 0x22 || frame[0] === 0x23).length;
    await sleep(500);
    assert.equal(heard.filter(({ frame }) => frame[0] === 0x22 || frame[0] === 0x23).length, heardOfT2, 'nothing of t2 plays after the clear');
    assert.ok(heardOfT2 < 45, `the caller heard only the start of t2 (${heardOfT2} frames of 100)`);
    await publishAll(segmentChunks(callId, 't2', 2, pattern(1_600, 0x24), 1_600));
    await sleep(300);
    assert.equal(heard.filter(({ frame }) => frame[0] === 0x24).length, 0, 'late audio of the cancelled turn is dropped');
    assert.equal(recorder.of('call.playback', callId).filter((event) => event.event.case === 'segmentPlayed' && event.event.value.turnId === 't2').length, 0, 'no segment of t2 counts as heard');

    // DTMF → call.control.
    leg.sendDtmf('5');
    const dtmf = await recorder.waitFor('call.control', (event) => event.callId === callId && event.action.case === 'dtmfReceived', 'dtmf_received');
    assert.equal(dtmf.action.case === 'dtmfReceived' ? dtmf.action.value.digit : '', '5');

    // The agent hangs up through the REST API; the stream's stop ends the call.
    await recorder.bus.publish('call.control', { callId, action: { case: 'hangUp', value: { reason: 'done' } } });
    assert.equal((await leg.ended).reason, 'app-hung-up');
    const ended = await recorder.waitFor('call.lifecycle', (event) => event.callId === callId && event.event.case === 'ended', 'call.ended');
    assert.equal(ended.event.case === 'ended' ? ended.event.value.reason : undefined, CallEndReason.AGENT_HUNG_UP);
    await waitFor(
      async () => {
        const row = await db.inTenant(tenantId, (session) => session.query<{ outcome: string | null; ended: boolean }>('SELECT outcome, ended_at IS NOT NULL AS ended FROM calls WHERE id = $1', [callId]));
        return row.rows[0]?.ended === true ? row.rows[0] : undefined;
      },
      { timeoutMs: 10_000, description: 'calls.ended_at' },
    ).then((row) => assert.equal(row.outcome, 'agent-hung-up'));
  });

  it('malformed frames and a forged stream on one socket do not disturb another live call', async () => {
    const { leg, callId, heard } = await placeCall(NUMBER_A, 'gw-a');
    const wsUrl = `${gatewayA.url.replace(/^http/, 'ws')}/twilio/media`;

    const unsigned = new WebSocket(wsUrl);
    const refused = await new Promise<number>((resolve) => {
      unsigned.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      unsigned.once('error', () => resolve(-1));
    });
    assert.equal(refused, 403, 'an unsigned upgrade is refused');

    const hostile = new WebSocket(wsUrl, { headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(sandbox.credentials.twilioAuthToken, wsUrl, {}) } });
    await new Promise((resolve, reject) => hostile.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => hostile.once('close', (code) => resolve(code)));
    hostile.send(Buffer.from([1, 2, 3]));
    hostile.send('{"event":');
    hostile.send(JSON.stringify({ event: 'media', streamSid: 'MZ1', media: { timestamp: '0', payload: '/w==' } }));
    hostile.send(JSON.stringify({ event: 'media', streamSid: 'MZ1', media: { timestamp: '0', payload: '***' } }));
    hostile.send(JSON.stringify({ event: 'start', streamSid: 'MZ1', start: { streamSid: 'MZ1', callSid: leg.callSid, customParameters: { callId, tenantId: '00000000-0000-4000-8000-000000000000' } } }));
    assert.equal(await closed, 1008, 'a start naming a call of another tenant closes the socket');

    const sequencesBefore = recorder.of('call.audio.in', callId).length;
    await publishAll(segmentChunks(callId, 't1', 0, pattern(FRAME_BYTES * 20, 0x31), 800));
    await recorder.waitFor('call.playback', (event) => event.callId === callId && event.event.case === 'segmentPlayed', 'segment_played on the undisturbed call');
    assert.equal(heard.filter(({ frame }) => frame[0] === 0x31).length, 20);
    await waitFor(() => recorder.of('call.audio.in', callId).length > sequencesBefore + 10, { timeoutMs: 10_000, description: 'caller audio still flowing' });
    const sequences = recorder.of('call.audio.in', callId).map((chunk) => chunk.sequence);
    assert.deepEqual(sequences, sequences.map((_, index) => index + 1));

    const metrics = await (await fetch(`${gatewayA.url}/metrics`)).text();
    for (const reason of ['binary-frame', 'bad-json', 'before-start', 'rejected-start']) assert.match(metrics, new RegExp(`media_frames_dropped_total\\{[^}]*reason="${reason}"[^}]*\\} [1-9]`), `counted: ${reason}`);
    assert.match(metrics, /gateway_calls_active\{[^}]*\} 1/);

    await leg.hangUp();
    const ended = await recorder.waitFor('call.lifecycle', (event) => event.callId === callId && event.event.case === 'ended', 'call.ended');
    assert.equal(ended.event.case === 'ended' ? ended.event.value.reason : undefined, CallEndReason.CALLER_HUNG_UP);
  });

  it('two gateway instances × three calls each: every agent frame reaches its own caller and no other', async () => {
    const calls = await Promise.all([
      ...[0, 1, 2].map(() => placeCall(NUMBER_A, 'gw-a')),
      ...[0, 1, 2].map(() => placeCall(NUMBER_B, 'gw-b')),
    ]);
    const framesPerCall = 25;
    await Promise.all(calls.map(({ callId }, index) => publishAll(segmentChunks(callId, 'turn', 0, pattern(FRAME_BYTES * framesPerCall, 0x40 + index), 480))));
    await waitFor(() => calls.every(({ callId }) => recorder.of('call.playback', callId).some((event) => event.event.case === 'segmentPlayed')), { timeoutMs: 20_000, description: 'every call’s segment played' });
    for (const [index, { heard }] of calls.entries()) {
      const agentFrames = heard.filter(({ frame }) => frame.some((byte) => byte !== 0xff));
      assert.equal(agentFrames.length, framesPerCall, `call ${index} heard its whole reply`);
      assert.ok(agentFrames.every(({ frame }) => frame.every((byte) => byte === 0x40 + index)), `call ${index} heard only its own audio`);
    }
    await Promise.all(calls.map(({ leg }) => leg.hangUp()));
  });

  it('drain on SIGTERM: readiness 503, new calls hear "busy", the live call plays on until it ends, then exit 0', async () => {
    const { leg, callId, heard } = await placeCall(NUMBER_B, 'gw-b');
    gatewayB.process.signal('SIGTERM');
    await gatewayB.process.waitUntil(async () => ((await fetch(`${gatewayB.url}/health/ready`)).status === 503 ? true : undefined), 10_000, 'readiness 503');

    const busy = await postTwilioForm(`${gatewayB.url}/twilio/voice`, { CallSid: 'CA3', From: CALLER, To: NUMBER_B, Direction: 'inbound' }, sandbox.credentials.twilioAuthToken);
    assert.match(busy.body, /<Say>[^<]*busy[^<]*<\/Say><Hangup\/>/);

    await sleep(1_500);
    await publishAll(segmentChunks(callId, 'late', 0, pattern(FRAME_BYTES * 10, 0x51), 800));
    await recorder.waitFor('call.playback', (event) => event.callId === callId && event.event.case === 'segmentPlayed', 'segment_played during the drain');
    assert.equal(heard.filter(({ frame }) => frame[0] === 0x51).length, 10, 'the live call still hears the agent');
    assert.equal(gatewayB.process.exit, undefined, 'the process waits for its live call');

    await leg.hangUp();
    assert.deepEqual(await gatewayB.process.exited(10_000), { code: 0, signal: null });
    await recorder.waitFor('call.lifecycle', (event) => event.callId === callId && event.event.case === 'ended', 'call.ended of the drained call');
  });
});
