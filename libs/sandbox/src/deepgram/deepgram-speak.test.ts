import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { mulawBytesForMs } from '@va/audio';
import { DeepgramError } from '@deepgram/sdk';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import { DeepgramStandIn } from './deepgram.stand-in';
import { speechDurationMs } from './speech.synthesizer';
import { API_KEY, sdkClient } from './deepgram.test-support';

const TEXT = 'Your appointment is booked for Tuesday at three.';
const TELEPHONY = { model: 'aura-2-thalia-en', encoding: 'mulaw', sample_rate: 8000 } as const;

describe('Deepgram stand-in: Aura TTS through @deepgram/sdk', () => {
  const agentSpeech = new UtteranceRegistry();
  let standIn: DeepgramStandIn;

  before(async () => {
    standIn = await DeepgramStandIn.start({ apiKeys: [API_KEY], callerSpeech: new UtteranceRegistry(), agentSpeech });
  });
  afterEach(() => standIn.faults.reset());
  after(() => standIn.close());

  it('REST container=none streams raw mulaw of a realistic duration, registered in agentSpeech', async () => {
    const { data, rawResponse } = await sdkClient(standIn).speak.v1.audio.generate({ text: TEXT, ...TELEPHONY, container: 'none' }).withRawResponse();
    const audio = new Uint8Array(await data.arrayBuffer());
    assert.equal(audio.length, mulawBytesForMs(speechDurationMs(TEXT)));
    assert.equal(speechDurationMs(TEXT), TEXT.length * 65);
    assert.notEqual(Buffer.from(audio.subarray(0, 4)).toString('latin1'), 'RIFF');
    assert.equal(rawResponse.headers.get('content-type'), 'audio/mulaw');
    assert.equal(rawResponse.headers.get('transfer-encoding'), 'chunked');
    assert.equal(rawResponse.headers.get('dg-char-count'), String(TEXT.length));
    assert.equal(rawResponse.headers.get('dg-model-name'), 'aura-2-thalia-en');
    assert.match(rawResponse.headers.get('dg-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(agentSpeech.match(audio.subarray(audio.length - 320))?.utterance.text, TEXT);
    const request = standIn.requests.all().filter((entry) => entry.kind === 'http').at(-1);
    assert.deepEqual(JSON.parse(request?.body ?? '{}'), { text: TEXT });
    assert.equal(request?.query['container'], 'none');
  });

  it('gives every synthesis unique audio, even of the same text, and a 300 ms minimum', async () => {
    const client = sdkClient(standIn);
    const first = new Uint8Array(await (await client.speak.v1.audio.generate({ text: 'Yes.', ...TELEPHONY, container: 'none' })).arrayBuffer());
    const second = new Uint8Array(await (await client.speak.v1.audio.generate({ text: 'Yes.', ...TELEPHONY, container: 'none' })).arrayBuffer());
    assert.equal(first.length, mulawBytesForMs(300));
    assert.notDeepEqual(first, second);
    const firstMatch = agentSpeech.match(first.subarray(800, 960));
    const secondMatch = agentSpeech.match(second.subarray(800, 960));
    assert.equal(firstMatch?.utterance.text, 'Yes.');
    assert.notEqual(firstMatch?.utterance.id, secondMatch?.utterance.id);
  });

  it('puts a mulaw WAV header first for container=wav (Aura’s default for mulaw)', async () => {
    const { data, rawResponse } = await sdkClient(standIn).speak.v1.audio.generate({ text: TEXT, ...TELEPHONY }).withRawResponse();
    const body = Buffer.from(await data.arrayBuffer());
    assert.equal(rawResponse.headers.get('content-type'), 'audio/wav');
    assert.equal(body.toString('latin1', 0, 4), 'RIFF');
    assert.equal(body.toString('latin1', 8, 12), 'WAVE');
    assert.equal(body.readUInt16LE(20), 7, 'format: mulaw');
    assert.equal(body.readUInt32LE(24), 8000);
    assert.equal(body.readUInt32LE(40), body.length - 44);
    assert.equal(body.length - 44, mulawBytesForMs(speechDurationMs(TEXT)));
  });

  it('answers a bad key with 401 and Deepgram’s error body', async () => {
    const error = await rejection(sdkClient(standIn, 'not-a-key').speak.v1.audio.generate({ text: TEXT, ...TELEPHONY, container: 'none' }));
    assert.equal(error.statusCode, 401);
    assert.deepEqual(Object.keys(error.body as object).sort(), ['err_code', 'err_msg', 'request_id']);
    assert.equal((error.body as { err_code: string }).err_code, 'INVALID_AUTH');
  });

  it('answers 400 to a missing text, a bad JSON body and an encoding it cannot produce', async () => {
    const post = (query: string, body: string): Promise<Response> =>
      fetch(`${standIn.url}/v1/speak?${query}`, { method: 'POST', headers: { Authorization: `Token ${API_KEY}`, 'Content-Type': 'application/json' }, body });
    for (const [query, body] of [
      ['encoding=mulaw&container=none', '{}'],
      ['encoding=mulaw&container=none', '{"text": '],
      ['encoding=mulaw&container=none', '{"text": "   "}'],
      ['encoding=mulaw&sample_rate=16000', '{"text":"hi"}'],
      ['encoding=mulaw&container=ogg', '{"text":"hi"}'],
    ] as const) {
      const response = await post(query, body);
      assert.equal(response.status, 400, `${query} ${body}`);
      assert.ok('err_msg' in ((await response.json()) as object));
    }
    const error = await rejection(sdkClient(standIn).speak.v1.audio.generate({ text: TEXT, model: 'aura-2-thalia-en' }));
    assert.equal(error.statusCode, 400, 'mp3 (the default encoding) is refused');
  });

  it('applies an http-error fault with Deepgram’s body and Retry-After, for the planned number of requests', async () => {
    standIn.faults.set({ fault: { kind: 'http-error', status: 503, retryAfterSeconds: 2 }, remaining: 1 });
    const error = await rejection(sdkClient(standIn).speak.v1.audio.generate({ text: TEXT, ...TELEPHONY, container: 'none' }));
    assert.equal(error.statusCode, 503);
    assert.equal((error.body as { err_code: string }).err_code, 'SERVICE_UNAVAILABLE');
    assert.equal(error.rawResponse?.headers.get('retry-after'), '2');
    const audio = await (await sdkClient(standIn).speak.v1.audio.generate({ text: TEXT, ...TELEPHONY, container: 'none' })).arrayBuffer();
    assert.equal(audio.byteLength, mulawBytesForMs(speechDurationMs(TEXT)), 'the next request succeeds');
  });

  it('applies first-byte delay, trickle, mid-stream disconnect and hang to the audio stream', async () => {
    standIn.faults.set({ firstByteDelayMs: 250 });
    const startedAtMs = Date.now();
    await (await sdkClient(standIn).speak.v1.audio.generate({ text: 'Hello.', ...TELEPHONY, container: 'none' })).arrayBuffer();
    assert.ok(Date.now() - startedAtMs >= 240, 'first byte delayed');

    standIn.faults.set({ firstByteDelayMs: 0, fault: { kind: 'trickle', chunkBytes: 400, intervalMs: 30 } });
    const trickleStartedAtMs = Date.now();
    const trickled = await (await sdkClient(standIn).speak.v1.audio.generate({ text: 'Hello.', ...TELEPHONY, container: 'none' })).arrayBuffer();
    assert.equal(trickled.byteLength, mulawBytesForMs(speechDurationMs('Hello.')));
    assert.ok(Date.now() - trickleStartedAtMs >= (Math.ceil(trickled.byteLength / 400) - 1) * 30 - 10, 'trickled');

    standIn.faults.set({ fault: { kind: 'disconnect', afterChunks: 2 } });
    const cut = await sdkClient(standIn).speak.v1.audio.generate({ text: TEXT, ...TELEPHONY, container: 'none' });
    await assert.rejects(cut.arrayBuffer());

    standIn.faults.set({ fault: { kind: 'hang' } });
    await assert.rejects(sdkClient(standIn).speak.v1.audio.generate({ text: TEXT, ...TELEPHONY, container: 'none' }, { timeoutInSeconds: 0.3 }), /timed out|timeout/i);
  });

  it('speaks over the Aura socket: Metadata, binary audio per Flush then Flushed, Cleared, close 1000 on Close', async () => {
    const socket = await sdkClient(standIn).speak.v1.connect({ model: 'aura-2-thalia-en', encoding: 'mulaw', sample_rate: '8000', reconnectAttempts: 0 });
    const texts: Array<Record<string, unknown>> = [];
    const chunks: Buffer[] = [];
    let closeCode: number | undefined;
    socket.on('message', (message) => {
      if (message instanceof Blob) void message.arrayBuffer().then((bytes) => chunks.push(Buffer.from(bytes)));
      else if (typeof message === 'object') texts.push(message as unknown as Record<string, unknown>);
    });
    socket.on('close', (event) => (closeCode = event.code));
    socket.connect();
    await socket.waitForOpen();
    socket.sendText({ type: 'Speak', text: 'Thanks for calling. ' });
    socket.sendText({ type: 'Speak', text: 'How can I help?' });
    socket.sendFlush({ type: 'Flush' });
    await until(() => texts.some((message) => message['type'] === 'Flushed'));
    socket.sendClear({ type: 'Clear' });
    await until(() => texts.some((message) => message['type'] === 'Cleared'));
    socket.sendClose({ type: 'Close' });
    await until(() => closeCode !== undefined);

    assert.deepEqual(texts.map((message) => message['type']), ['Metadata', 'Flushed', 'Cleared']);
    assert.equal(texts[0]?.['model_name'], 'aura-2-thalia-en');
    assert.equal(texts[1]?.['sequence_id'], 0);
    const spoken = 'Thanks for calling. How can I help?';
    const audio = Buffer.concat(chunks);
    assert.equal(audio.length, mulawBytesForMs(speechDurationMs(spoken)));
    assert.equal(agentSpeech.match(audio.subarray(audio.length - 160))?.utterance.text, spoken);
    assert.equal(closeCode, 1000);
  });
});

async function rejection(promise: Promise<unknown>): Promise<DeepgramError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DeepgramError, `expected a DeepgramError, got ${String(error)}`);
    return error;
  }
  throw new Error('expected the request to fail');
}

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
