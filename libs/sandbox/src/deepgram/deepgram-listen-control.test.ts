import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { concatAudio, silenceMulaw } from '@va/audio';
import { WebSocket } from 'ws';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import { DeepgramStandIn } from './deepgram.stand-in';
import { IDLE_TIMEOUT_CLOSE } from './deepgram.errors';
import { API_KEY, LiveProbe, transcripts, uniqueSpeech } from './deepgram.test-support';

const SENTENCE = 'I would like to book an appointment';
const IDLE_TIMEOUT_MS = 500;

describe('Deepgram stand-in: live control messages and closing', () => {
  const callerSpeech = new UtteranceRegistry();
  let standIn: DeepgramStandIn;

  before(async () => {
    standIn = await DeepgramStandIn.start({ apiKeys: [API_KEY], callerSpeech, agentSpeech: new UtteranceRegistry(), idleTimeoutMs: IDLE_TIMEOUT_MS });
  });
  after(() => standIn.close());

  it('KeepAlive keeps an idle stream open past the idle timeout, without any reply', async () => {
    const probe = await LiveProbe.open(standIn);
    for (let beat = 0; beat < 6; beat += 1) {
      await sleep(IDLE_TIMEOUT_MS / 2);
      probe.socket.sendKeepAlive({ type: 'KeepAlive' });
    }
    assert.equal(probe.isClosed, false, 'still open after 3x the idle timeout');
    assert.deepEqual(probe.received, []);
    probe.socket.sendCloseStream({ type: 'CloseStream' });
    await probe.waitForClose();
    assert.equal(probe.closed?.code, 1000);
  });

  it('closes a stream that gets no audio and no KeepAlive with 1011 NET-0001, after a Metadata', async () => {
    const probe = await LiveProbe.open(standIn);
    const openedAtMs = Date.now();
    await probe.waitForClose(IDLE_TIMEOUT_MS * 4);
    const waitedMs = Date.now() - openedAtMs;
    assert.ok(waitedMs >= IDLE_TIMEOUT_MS - 20 && waitedMs < IDLE_TIMEOUT_MS * 3, `closed after ${waitedMs} ms`);
    assert.deepEqual(probe.closed, IDLE_TIMEOUT_CLOSE);
    assert.deepEqual(probe.received.map(({ message }) => message['type']), ['Metadata']);
    assert.equal(probe.received[0]?.message['duration'], 0);
  });

  it('Finalize flushes what was heard as a final marked from_finalize; the rest follows at end of speech', async () => {
    const audio = concatAudio([silenceMulaw(500), uniqueSpeech(1_500, 21), silenceMulaw(800)]);
    callerSpeech.register(SENTENCE, audio);
    const probe = await LiveProbe.open(standIn, { interim_results: 'false' });
    await probe.stream(audio.subarray(0, 1_500 * 8), 0);
    probe.socket.sendFinalize({ type: 'Finalize' });
    await probe.waitFor((p) => p.ofType('Results').length === 1);
    await probe.stream(audio.subarray(1_500 * 8), 0);
    await probe.waitFor((p) => p.ofType('Results').length === 2);
    const [flushed, final] = transcripts(probe.ofType('Results'));
    assert.equal(flushed?.isFinal, true);
    assert.equal(flushed?.fromFinalize, true);
    assert.equal(flushed?.speechFinal, false);
    assert.ok(flushed && flushed.transcript.length > 0 && SENTENCE.startsWith(flushed.transcript), flushed?.transcript);
    assert.equal(final?.speechFinal, true);
    assert.equal(final?.fromFinalize, false);
    assert.equal(`${flushed?.transcript} ${final?.transcript}`, SENTENCE);
    const [first, second] = probe.ofType('Results').map(({ message }) => message);
    assert.equal(second?.['start'], (first?.['start'] as number) + (first?.['duration'] as number), 'results tile the stream');
    probe.socket.close();
  });

  it('CloseStream flushes speech in progress as a final, then sends Metadata, then closes 1000', async () => {
    const audio = concatAudio([silenceMulaw(300), uniqueSpeech(1_500, 22), silenceMulaw(500)]);
    callerSpeech.register(SENTENCE, audio);
    const probe = await LiveProbe.open(standIn);
    await probe.stream(audio.subarray(0, 1_100 * 8), 0);
    probe.socket.sendCloseStream({ type: 'CloseStream' });
    await probe.waitForClose();
    assert.equal(probe.closed?.code, 1000);
    const types = probe.received.map(({ message }) => message['type']);
    assert.equal(types.at(-1), 'Metadata');
    assert.equal(types.at(-2), 'Results');
    const final = transcripts(probe.ofType('Results')).at(-1);
    assert.equal(final?.isFinal, true);
    assert.ok(final && final.transcript.length > 0 && SENTENCE.startsWith(final.transcript) && final.transcript !== SENTENCE, final?.transcript);
    const metadata = probe.ofType('Metadata')[0]?.message;
    assert.equal(metadata?.['duration'], 1.1);
    assert.equal(metadata?.['transaction_key'], 'deprecated');
    assert.equal(metadata?.['channels'], 1);
    assert.match(String(metadata?.['sha256']), /^[0-9a-f]{64}$/);
  });

  it('closes on a malformed or unknown text message with 1008 after Metadata, and keeps serving', async () => {
    for (const bad of ['{"type": "KeepAlive"', 'not json at all', '{"type":"Transcribe"}', '[]']) {
      const socket = await rawListen(standIn);
      const messages: string[] = [];
      socket.on('message', (data: Buffer) => messages.push(data.toString('utf8')));
      socket.send(bad);
      const [code, reason] = await new Promise<[number, string]>((resolve) => socket.once('close', (closeCode: number, closeReason: Buffer) => resolve([closeCode, closeReason.toString('utf8')])));
      assert.equal(code, 1008, bad);
      assert.match(reason, /^DATA-0000/);
      assert.deepEqual(messages.map((text) => (JSON.parse(text) as { type: string }).type), ['Metadata']);
    }
    const probe = await LiveProbe.open(standIn);
    probe.socket.sendCloseStream({ type: 'CloseStream' });
    await probe.waitForClose();
    assert.equal(probe.closed?.code, 1000);
  });

  it('treats an empty binary frame as the end of the stream (close 1000)', async () => {
    const socket = await rawListen(standIn);
    socket.send(Buffer.alloc(0), { binary: true });
    const code = await new Promise<number>((resolve) => socket.once('close', (closeCode: number) => resolve(closeCode)));
    assert.equal(code, 1000);
  });
});

async function rawListen(standIn: DeepgramStandIn): Promise<WebSocket> {
  const socket = new WebSocket(`${standIn.wsUrl}/v1/listen?model=nova-3&encoding=mulaw&sample_rate=8000`, { headers: { Authorization: `Token ${API_KEY}` } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}
