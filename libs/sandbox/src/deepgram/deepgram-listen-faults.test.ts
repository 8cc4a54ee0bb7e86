import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import { DeepgramStandIn } from './deepgram.stand-in';
import { API_KEY, LiveProbe, utteranceAudio } from './deepgram.test-support';

const SENTENCE = 'I would like to book an appointment';

describe('Deepgram stand-in: faults on the live socket', () => {
  const callerSpeech = new UtteranceRegistry();
  let standIn: DeepgramStandIn;

  before(async () => {
    standIn = await DeepgramStandIn.start({ apiKeys: [API_KEY], callerSpeech, agentSpeech: new UtteranceRegistry() });
  });
  afterEach(() => standIn.faults.reset());
  after(() => standIn.close());

  it('http-error refuses the upgrade with that status, Deepgram’s body and Retry-After; counted faults run out', async () => {
    standIn.faults.set({ fault: { kind: 'http-error', status: 503, retryAfterSeconds: 3 }, remaining: 1 });
    const socket = new WebSocket(`${standIn.wsUrl}/v1/listen?encoding=mulaw&sample_rate=8000`, { headers: { Authorization: `Token ${API_KEY}` } });
    const refusal = await new Promise<{ status: number; retryAfter: unknown; body: string }>((resolve) => {
      socket.once('error', () => undefined);
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], body }));
      });
    });
    assert.equal(refusal.status, 503);
    assert.equal(refusal.retryAfter, '3');
    assert.equal((JSON.parse(refusal.body) as { err_code: string }).err_code, 'SERVICE_UNAVAILABLE');
    const probe = await LiveProbe.open(standIn);
    assert.equal(probe.isClosed, false, 'the next connection is accepted');
    probe.socket.close();
  });

  it('hang accepts the TCP connection and never completes the handshake', async () => {
    standIn.faults.set({ fault: { kind: 'hang' } });
    const socket = new WebSocket(`${standIn.wsUrl}/v1/listen?encoding=mulaw&sample_rate=8000`, { headers: { Authorization: `Token ${API_KEY}` }, handshakeTimeout: 400 });
    const error = await new Promise<Error>((resolve) => socket.once('error', resolve));
    assert.match(error.message, /handshake has timed out/);
    assert.equal(standIn.requests.all().filter((entry) => entry.kind === 'ws-open').at(-1)?.detail?.['fault'], 'hang');
  });

  it('silence (set over the control endpoint) takes audio and never answers', async () => {
    const response = await fetch(`${standIn.url}/__sandbox/faults`, { method: 'PUT', body: JSON.stringify({ fault: { kind: 'silence' } }) });
    assert.equal(response.status, 200);
    const audio = utteranceAudio(31, 100, 1_500, 500);
    callerSpeech.register(SENTENCE, audio);
    const probe = await LiveProbe.open(standIn);
    await probe.stream(audio);
    await sleep(200);
    assert.deepEqual(probe.received, [], 'nothing within 1 s of speech while audio flows');
    const session = standIn.liveSessions().at(-1);
    assert.equal(session?.fault, 'silence');
    assert.equal(session?.bytesReceived, audio.length);
    assert.equal(session?.resultsSent, 0);
    assert.ok((session?.messagesWithheld ?? 0) >= 3, 'SpeechStarted, interim and final were withheld');
    probe.socket.close();
  });

  it('disconnect drops the socket after the planned number of messages', async () => {
    standIn.faults.set({ fault: { kind: 'disconnect', afterChunks: 2 }, remaining: 1 });
    const audio = utteranceAudio(32);
    callerSpeech.register(SENTENCE, audio);
    const probe = await LiveProbe.open(standIn);
    await probe.stream(audio, 2);
    await probe.waitForClose();
    assert.equal(probe.received.length, 2);
    assert.deepEqual(probe.received.map(({ message }) => message['type']), ['SpeechStarted', 'Results']);
    assert.equal(probe.closed?.code, 1006, 'dropped, not closed');
    assert.equal(standIn.liveSessions().at(-1)?.messagesSent, 2);
  });

  it('firstByteDelayMs delays every message by the processing latency, keeping order and content', async () => {
    const audio = utteranceAudio(33, 200, 1_200, 1_200);
    callerSpeech.register(SENTENCE, audio);
    const prompt = await LiveProbe.open(standIn);
    await prompt.stream(audio, 0);
    await prompt.waitFor((p) => p.ofType('UtteranceEnd').length > 0);
    standIn.faults.set({ firstByteDelayMs: 250 });
    const delayed = await LiveProbe.open(standIn);
    const startedAtMs = Date.now();
    await delayed.stream(audio, 0);
    const sentAtMs = Date.now() - startedAtMs;
    await delayed.waitFor((p) => p.ofType('UtteranceEnd').length > 0);
    assert.ok(sentAtMs < 200, `audio sent in ${sentAtMs} ms`);
    assert.ok((delayed.received[0]?.atMs ?? 0) >= 240, `first message after ${delayed.received[0]?.atMs} ms`);
    const withoutIds = (probe: LiveProbe): unknown[] => probe.received.map(({ message }) => ({ ...message, metadata: undefined }));
    assert.deepEqual(withoutIds(delayed), withoutIds(prompt));
    prompt.socket.close();
    delayed.socket.close();
  });
});
