import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ElevenLabs, ElevenLabsClient, ElevenLabsError } from '@elevenlabs/elevenlabs-js';
import { concatAudio, mulawBytesForMs } from '@va/audio';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import { ElevenLabsStandIn } from './elevenlabs.stand-in';

const API_KEY = 'xi-test-elevenlabs-http';
const VOICE = 'EXAVITQu4vr4xnSDxMaL';
const MODEL = 'eleven_flash_v2_5';

async function readAll(stream: ReadableStream<Uint8Array>, onChunk?: (chunk: Uint8Array) => void): Promise<{ audio: Uint8Array; chunks: number }> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) {
    onChunk?.(chunk);
    parts.push(chunk);
  }
  return { audio: concatAudio(parts), chunks: parts.length };
}

describe('ElevenLabs stand-in HTTP, driven by @elevenlabs/elevenlabs-js', () => {
  const agentSpeech = new UtteranceRegistry();
  let standIn: ElevenLabsStandIn;
  let client: ElevenLabsClient;

  before(async () => {
    standIn = await ElevenLabsStandIn.start({ apiKeys: [API_KEY], agentSpeech });
    client = new ElevenLabsClient({ apiKey: API_KEY, baseUrl: standIn.url, maxRetries: 0 });
  });
  after(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('streams chunked mu-law of the expected duration that agentSpeech recognises', async () => {
    const text = 'Thanks for calling, how can I help you today?';
    const { data, rawResponse } = await client.textToSpeech
      .stream(VOICE, { text, modelId: MODEL, outputFormat: 'ulaw_8000', optimizeStreamingLatency: 3 })
      .withRawResponse();
    const { audio } = await readAll(data);

    assert.equal(audio.length, mulawBytesForMs(text.length * 65));
    assert.equal(rawResponse.headers.get('content-type'), 'audio/basic');
    assert.equal(rawResponse.headers.get('content-length'), null, 'a chunked stream has no length');
    assert.ok(rawResponse.headers.get('request-id'));
    const match = agentSpeech.match(audio.subarray(0, 4_000));
    assert.equal(match?.utterance.text, text);
    assert.equal(agentSpeech.match(audio)?.progress, 1);
    assert.deepEqual(
      standIn.syntheses().map(({ text: said, voiceId, modelId, outputFormat, bytes, transport }) => ({ said, voiceId, modelId, outputFormat, bytes, transport })),
      [{ said: text, voiceId: VOICE, modelId: MODEL, outputFormat: 'ulaw_8000', bytes: audio.length, transport: 'http' }],
    );
    const logged = standIn.requests.all().find((entry) => entry.kind === 'http');
    assert.equal(logged?.path, `/v1/text-to-speech/${VOICE}/stream`);
    assert.equal(logged?.query['output_format'], 'ulaw_8000');
    assert.equal(logged?.headers['xi-api-key'], '***');
    assert.equal(JSON.parse(logged?.body ?? '{}').model_id, MODEL);
  });

  it('lasts at least 300 ms for very short text, and sends distinct audio for a repeated text', async () => {
    const first = await readAll(await client.textToSpeech.stream(VOICE, { text: 'Yes.', outputFormat: 'ulaw_8000' }));
    const second = await readAll(await client.textToSpeech.stream(VOICE, { text: 'Yes.', outputFormat: 'ulaw_8000' }));
    assert.equal(first.audio.length, mulawBytesForMs(300));
    assert.notDeepEqual(first.audio, second.audio);
    const firstMatch = agentSpeech.match(first.audio.subarray(0, 800));
    const secondMatch = agentSpeech.match(second.audio.subarray(0, 800));
    assert.ok(firstMatch && secondMatch);
    assert.notEqual(firstMatch.utterance.id, secondMatch.utterance.id);
  });

  it('returns the whole file from the non-streaming endpoint', async () => {
    const text = 'Your appointment is confirmed.';
    const { audio } = await readAll(await client.textToSpeech.convert(VOICE, { text, outputFormat: 'ulaw_8000' }));
    assert.equal(audio.length, mulawBytesForMs(text.length * 65));
    assert.equal(agentSpeech.match(audio)?.utterance.text, text);
  });

  it('rejects a bad key with 401 invalid_api_key and a missing key with needs_authorization', async () => {
    const wrong = new ElevenLabsClient({ apiKey: 'not-a-key', baseUrl: standIn.url, maxRetries: 0 });
    await assert.rejects(wrong.textToSpeech.stream(VOICE, { text: 'hi', outputFormat: 'ulaw_8000' }), (error: unknown) => {
      assert.ok(error instanceof ElevenLabsError);
      assert.equal(error.statusCode, 401);
      assert.deepEqual(error.body, { detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
      return true;
    });
    const response = await fetch(`${standIn.url}/v1/text-to-speech/${VOICE}/stream?output_format=ulaw_8000`, { method: 'POST', body: '{"text":"hi"}' });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { detail: { status: string } }).detail.status, 'needs_authorization');
    assert.equal(standIn.syntheses().length, 0);
  });

  it('answers validation problems with 422 and an unsupported format with 400', async () => {
    await assert.rejects(client.textToSpeech.stream(VOICE, { text: '   ', outputFormat: 'ulaw_8000' }), (error: unknown) => error instanceof ElevenLabs.UnprocessableEntityError && error.statusCode === 422);
    const post = (query: string, body: string) => fetch(`${standIn.url}/v1/text-to-speech/${VOICE}/stream${query}`, { method: 'POST', body, headers: { 'xi-api-key': API_KEY } });
    const missingText = await post('?output_format=ulaw_8000', '{"model_id":"eleven_flash_v2_5"}');
    assert.equal(missingText.status, 422);
    assert.deepEqual(((await missingText.json()) as { detail: Array<{ loc: string[] }> }).detail[0]?.loc, ['body', 'text']);
    const unknownFormat = await post('?output_format=wav_8000', '{"text":"hi"}');
    assert.equal(unknownFormat.status, 422);
    const mp3 = await post('', '{"text":"hi"}');
    assert.equal(mp3.status, 400, 'the default mp3 format is not produced by the stand-in');
  });

  it('answers an unknown voice with 404 voice_not_found when voices are configured', async () => {
    const strict = await ElevenLabsStandIn.start({ apiKeys: [API_KEY], agentSpeech, voiceIds: [VOICE] });
    try {
      const strictClient = new ElevenLabsClient({ apiKey: API_KEY, baseUrl: strict.url, maxRetries: 0 });
      await assert.rejects(strictClient.textToSpeech.stream('nope', { text: 'hi', outputFormat: 'ulaw_8000' }), (error: unknown) => error instanceof ElevenLabsError && error.statusCode === 404);
      const ok = await readAll(await strictClient.textToSpeech.stream(VOICE, { text: 'hi there', outputFormat: 'ulaw_8000' }));
      assert.ok(ok.audio.length > 0);
    } finally {
      await strict.close();
    }
  });

  it('fails with the injected 503, then serves again once the counted fault is used', async () => {
    standIn.faults.set({ fault: { kind: 'http-error', status: 503 }, remaining: 1 });
    await assert.rejects(client.textToSpeech.stream(VOICE, { text: 'hello', outputFormat: 'ulaw_8000' }), (error: unknown) => {
      assert.ok(error instanceof ElevenLabsError);
      assert.equal(error.statusCode, 503);
      return true;
    });
    const { audio } = await readAll(await client.textToSpeech.stream(VOICE, { text: 'hello', outputFormat: 'ulaw_8000' }));
    assert.ok(audio.length > 0);
  });

  it('delays the first audio chunk by firstByteDelayMs', async () => {
    standIn.faults.set({ firstByteDelayMs: 250 });
    const startedAt = Date.now();
    let firstChunkAfterMs: number | undefined;
    await readAll(await client.textToSpeech.stream(VOICE, { text: 'One moment please.', outputFormat: 'ulaw_8000' }), () => {
      firstChunkAfterMs ??= Date.now() - startedAt;
    });
    assert.ok(firstChunkAfterMs !== undefined && firstChunkAfterMs >= 250, `first chunk after ${firstChunkAfterMs} ms`);
  });

  it('paces chunks by chunkIntervalMs', async () => {
    standIn.faults.set({ chunkIntervalMs: 30 });
    const text = 'This sentence takes about two seconds.';
    const startedAt = Date.now();
    const { chunks } = await readAll(await client.textToSpeech.stream(VOICE, { text, outputFormat: 'ulaw_8000' }));
    assert.ok(chunks >= 20);
    assert.ok(Date.now() - startedAt >= 30 * (chunks - 1) - 5, `took ${Date.now() - startedAt} ms for ${chunks} chunks`);
  });

  it('drops the connection mid-stream and the SDK stream errors', async () => {
    standIn.faults.set({ fault: { kind: 'disconnect', afterChunks: 2 } });
    let received = 0;
    await assert.rejects(readAll(await client.textToSpeech.stream(VOICE, { text: 'This reply is cut off in the middle.', outputFormat: 'ulaw_8000' }), (chunk) => {
      received += chunk.length;
    }));
    assert.ok(received <= 1_600, `at most two 100 ms chunks, got ${received} bytes`);
  });

  it('trickles the audio in small pieces that still add up to the registered audio', async () => {
    standIn.faults.set({ fault: { kind: 'trickle', chunkBytes: 160, intervalMs: 1 } });
    const text = 'Trickled reply.';
    const { audio } = await readAll(await client.textToSpeech.stream(VOICE, { text, outputFormat: 'ulaw_8000' }));
    assert.equal(audio.length, mulawBytesForMs(text.length * 65));
    assert.equal(agentSpeech.match(audio)?.utterance.text, text);
  });

  it('hangs until the SDK gives up', async () => {
    standIn.faults.set({ fault: { kind: 'hang' } });
    await assert.rejects(client.textToSpeech.stream(VOICE, { text: 'hello', outputFormat: 'ulaw_8000' }, { timeoutInSeconds: 0.3 }));
  });
});
