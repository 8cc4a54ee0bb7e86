import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BYTES_PER_MS, concatAudio, silenceMulaw } from '@va/audio';
import { WebSocket } from 'ws';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import { DeepgramStandIn } from './deepgram.stand-in';
import { API_KEY, LiveProbe, transcripts, uniqueSpeech, utteranceAudio, type Received } from './deepgram.test-support';

const SENTENCE = 'I would like to book an appointment';
const SPEECH_START_MS = 500;
const SPEECH_END_MS = 2_000;
const ENDPOINTING_MS = 300;
const UTTERANCE_END_MS = 1_000;

describe('Deepgram stand-in: live transcription through @deepgram/sdk', () => {
  const callerSpeech = new UtteranceRegistry();
  let standIn: DeepgramStandIn;

  before(async () => {
    standIn = await DeepgramStandIn.start({ apiKeys: [API_KEY], callerSpeech, agentSpeech: new UtteranceRegistry() });
  });
  after(() => standIn.close());

  it('accepts the key in the Authorization header (what the SDK sends on Node) and answers with dg-request-id', async () => {
    const probe = await LiveProbe.open(standIn);
    const opened = standIn.requests.all().filter((entry) => entry.kind === 'ws-open').at(-1);
    assert.equal(opened?.headers['authorization'], 'Token ***');
    assert.equal(opened?.detail?.['status'], 101);
    probe.socket.sendCloseStream({ type: 'CloseStream' });
    await probe.waitForClose();
    assert.equal(probe.closed?.code, 1000);
  });

  it('accepts the key as the `token, KEY` subprotocol and echoes `token` so the handshake completes', async () => {
    const socket = new WebSocket(`${standIn.wsUrl}/v1/listen?model=nova-3&encoding=mulaw&sample_rate=8000`, ['token', API_KEY]);
    let requestId: string | undefined;
    socket.once('upgrade', (response) => (requestId = response.headers['dg-request-id'] as string | undefined));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    assert.equal(socket.protocol, 'token');
    assert.match(requestId ?? '', /^[0-9a-f-]{36}$/);
    socket.close();
  });

  it('refuses a wrong or missing key with 401 before upgrading, with Deepgram’s error body', async () => {
    await assert.rejects(LiveProbe.open(standIn, {}, 'wrong-key'), (error: { message?: unknown }) => /401/.test(String(error.message)));
    const refusal = await refusedUpgrade(`${standIn.wsUrl}/v1/listen?encoding=mulaw&sample_rate=8000`, {});
    assert.equal(refusal.status, 401);
    assert.equal(refusal.body['err_code'], 'INVALID_AUTH');
    assert.equal(refusal.body['err_msg'], 'Invalid credentials.');
    assert.equal(refusal.headers['dg-request-id'], refusal.body['request_id']);
    assert.equal(refusal.headers['dg-error'], 'Invalid credentials.');
  });

  it('refuses an encoding or sample rate it cannot hear with 400 on the upgrade', async () => {
    const auth = { Authorization: `Token ${API_KEY}` };
    for (const query of ['encoding=linear16&sample_rate=16000', 'encoding=mulaw&sample_rate=16000', 'encoding=ulaw&sample_rate=8000', 'encoding=mulaw', 'encoding=mulaw&sample_rate=8000&endpointing=soon']) {
      const refusal = await refusedUpgrade(`${standIn.wsUrl}/v1/listen?${query}`, auth);
      assert.equal(refusal.status, 400, query);
      assert.equal(refusal.body['err_code'], 'INVALID_QUERY_PARAMETER', query);
    }
  });

  it('transcribes a registered utterance streamed in real time: SpeechStarted, interims, speech_final after endpointing, UtteranceEnd', async () => {
    const audio = utteranceAudio(11);
    callerSpeech.register(SENTENCE, audio);
    const probe = await LiveProbe.open(standIn, { endpointing: ENDPOINTING_MS, utterance_end_ms: UTTERANCE_END_MS });
    await probe.stream(audio);
    await probe.waitFor((p) => p.ofType('UtteranceEnd').length > 0);

    const [started] = probe.ofType('SpeechStarted');
    assert.equal(started?.message['timestamp'], SPEECH_START_MS / 1000);
    assert.ok((started?.sentBytes ?? 0) >= SPEECH_START_MS * BYTES_PER_MS, 'SpeechStarted comes after the onset was heard');

    const results = probe.ofType('Results');
    const spoken = transcripts(results).filter((result) => result.transcript !== '');
    const interims = spoken.filter((result) => !result.isFinal);
    assert.ok(interims.length >= 1, 'at least one interim with words');
    for (const interim of interims) assert.ok(SENTENCE.startsWith(interim.transcript) && interim.transcript.length < SENTENCE.length, interim.transcript);

    const finalIndex = results.findIndex((entry) => entry.message['speech_final'] === true);
    const final = results[finalIndex] as Received;
    assert.equal(transcripts([final])[0]?.transcript, SENTENCE);
    assert.equal(final.message['is_final'], true);
    assert.ok(final.sentBytes >= (SPEECH_END_MS + ENDPOINTING_MS) * BYTES_PER_MS, `final after end of speech + endpointing (sent ${final.sentBytes / BYTES_PER_MS} ms)`);
    const finalEndS = (final.message['start'] as number) + (final.message['duration'] as number);
    assert.ok(finalEndS >= (SPEECH_END_MS + ENDPOINTING_MS) / 1000 && finalEndS <= (SPEECH_END_MS + ENDPOINTING_MS + 40) / 1000, `final window ends at ${finalEndS}s`);
    const words = (final.message['channel'] as { alternatives: Array<{ words: Array<{ word: string; start: number; end: number; punctuated_word?: string }> }> }).alternatives[0]?.words ?? [];
    assert.deepEqual(words.map((word) => word.word), ['i', 'would', 'like', 'to', 'book', 'an', 'appointment']);
    assert.equal(words[0]?.punctuated_word, 'I');
    assert.equal(words[0]?.start, SPEECH_START_MS / 1000);
    assert.equal(words.at(-1)?.end, SPEECH_END_MS / 1000);

    const [utteranceEnd] = probe.ofType('UtteranceEnd');
    assert.equal(utteranceEnd?.message['last_word_end'], SPEECH_END_MS / 1000);
    assert.ok((utteranceEnd?.sentBytes ?? 0) >= (SPEECH_END_MS + UTTERANCE_END_MS) * BYTES_PER_MS);
    assert.ok(probe.received.indexOf(final) < probe.received.indexOf(utteranceEnd as Received), 'final before UtteranceEnd');

    probe.socket.sendCloseStream({ type: 'CloseStream' });
    await probe.waitForClose();
    const session = standIn.liveSessions().at(-1);
    assert.equal(session?.bytesReceived, audio.length);
    assert.equal(session?.query.endpointingMs, ENDPOINTING_MS);
    assert.equal(session?.resultsSent, probe.ofType('Results').length);
    assert.equal(probe.ofType('Metadata')[0]?.message['duration'], audio.length / BYTES_PER_MS / 1000);
  });

  it('times everything by the audio received: a stream sent 10x faster than real time gets the same results', async () => {
    const audio = utteranceAudio(12);
    callerSpeech.register(SENTENCE, audio);
    const realTime = await LiveProbe.open(standIn);
    await realTime.stream(audio);
    await realTime.waitFor((p) => p.ofType('UtteranceEnd').length > 0);
    const fast = await LiveProbe.open(standIn);
    const startedAtMs = Date.now();
    await fast.stream(audio, 2);
    await fast.waitFor((p) => p.ofType('UtteranceEnd').length > 0);
    const elapsedMs = Date.now() - startedAtMs;
    assert.ok(elapsedMs < 1_500, `fast stream took ${elapsedMs} ms for 3.5 s of audio`);
    const withoutIds = (probe: LiveProbe): unknown[] => probe.received.map(({ message }) => ({ ...message, metadata: undefined }));
    assert.deepEqual(withoutIds(fast), withoutIds(realTime));
    const fastFinal = fast.ofType('Results').find((entry) => entry.message['speech_final'] === true);
    assert.ok((fastFinal?.sentBytes ?? 0) >= (SPEECH_END_MS + ENDPOINTING_MS) * BYTES_PER_MS);
    realTime.socket.close();
    fast.socket.close();
  });

  it('joins utterances spoken without an endpointing pause into one transcript, and stops where the audio stops', async () => {
    const yes = uniqueSpeech(600, 41);
    const name = uniqueSpeech(1_200, 42);
    const cutShort = uniqueSpeech(2_000, 43);
    callerSpeech.register('Yes.', yes);
    callerSpeech.register('My name is John Smith.', name);
    callerSpeech.register('one two three four five six seven eight', cutShort);
    const probe = await LiveProbe.open(standIn, { interim_results: 'false', utterance_end_ms: undefined });
    await probe.stream(concatAudio([silenceMulaw(300), yes, silenceMulaw(100), name, silenceMulaw(600), cutShort.subarray(0, cutShort.length / 2), silenceMulaw(600)]), 0);
    await probe.waitFor((p) => p.ofType('Results').length === 2);
    assert.deepEqual(
      transcripts(probe.ofType('Results')).map((result) => result.transcript),
      ['Yes. My name is John Smith.', 'one two three four'],
    );
    probe.socket.close();
  });

  it('answers speech it does not know (not registered) with an empty final, like noise', async () => {
    const probe = await LiveProbe.open(standIn, { interim_results: 'false', utterance_end_ms: undefined });
    await probe.stream(concatAudio([silenceMulaw(200), uniqueSpeech(600, 99), silenceMulaw(500)]), 2);
    await probe.waitFor((p) => p.ofType('Results').length > 0);
    const [final] = transcripts(probe.ofType('Results'));
    assert.deepEqual(final, { transcript: '', isFinal: true, speechFinal: true, fromFinalize: false });
    assert.equal(probe.ofType('SpeechStarted').length, 1);
    probe.socket.close();
  });
});

async function refusedUpgrade(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> }> {
  const socket = new WebSocket(url, { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => reject(new Error('upgrade was accepted')));
    socket.once('error', () => undefined);
    socket.once('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(text) as Record<string, unknown> }));
    });
  });
}
