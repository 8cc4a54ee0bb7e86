import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { concatAudio, FRAME_BYTES, mulawToPcm16, silenceMulaw, writeWavPcm16 } from '@va/audio';
import OpenAI, { AuthenticationError, BadRequestError, InternalServerError, toFile } from 'openai';
import { uniqueSpeech } from '../deepgram/deepgram.test-support';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import { OpenAiStandIn } from './openai.stand-in';

const API_KEY = 'sk-test-openai-transcriptions';
const MODEL = 'gpt-4o-mini-transcribe';
const SENTENCE = 'I would like to book an appointment';

/** The upload the platform sends: the mu-law turned into a PCM16 WAV at 8 kHz. */
function wavFile(mulaw: Uint8Array) {
  return toFile(Buffer.from(writeWavPcm16({ sampleRateHz: 8_000, samples: mulawToPcm16(mulaw) })), 'utterance.wav', { type: 'audio/wav' });
}

describe('OpenAI stand-in: audio transcriptions through openai-node', () => {
  const callerSpeech = new UtteranceRegistry();
  let standIn: OpenAiStandIn;
  let client: OpenAI;

  before(async () => {
    standIn = await OpenAiStandIn.start({ apiKeys: [API_KEY], callerSpeech });
    client = new OpenAI({ apiKey: API_KEY, baseURL: standIn.url, maxRetries: 0 });
  });
  after(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('recognises a registered caller utterance in the uploaded recording', async () => {
    const speech = uniqueSpeech(1_500, 501);
    callerSpeech.register(SENTENCE, concatAudio([silenceMulaw(200), speech, silenceMulaw(200)]));
    const recording = concatAudio([silenceMulaw(300), speech, silenceMulaw(600)]);
    const result = await client.audio.transcriptions.create({ file: await wavFile(recording), model: MODEL });
    assert.equal(result.text, SENTENCE);
    assert.deepEqual(standIn.transcriptionRequests().map((record) => record.model), [MODEL]);
    const logged = standIn.requests.all().at(-1);
    assert.equal(logged?.kind === 'http' ? logged.path : undefined, '/v1/audio/transcriptions');
  });

  it('hears only the words the recording holds when it starts mid-utterance', async () => {
    const speech = uniqueSpeech(2_000, 502);
    callerSpeech.register('one two three four five six seven eight', speech);
    const secondHalf = speech.subarray(Math.floor(speech.length / 2 / FRAME_BYTES) * FRAME_BYTES);
    const result = await client.audio.transcriptions.create({ file: await wavFile(secondHalf), model: MODEL });
    assert.equal(result.text, 'five six seven eight');
  });

  it('answers unknown audio with empty text, and text format as plain text', async () => {
    const unknown = uniqueSpeech(800, 503);
    const json = await client.audio.transcriptions.create({ file: await wavFile(unknown), model: MODEL });
    assert.equal(json.text, '');
    const speech = uniqueSpeech(1_000, 504);
    callerSpeech.register('yes please', speech);
    const text = await client.audio.transcriptions.create({ file: await wavFile(speech), model: MODEL, response_format: 'text' });
    assert.equal(String(text).trim(), 'yes please');
  });

  it('checks the key, the form and the audio', async () => {
    const bad = new OpenAI({ apiKey: 'sk-wrong-key-000000', baseURL: standIn.url, maxRetries: 0 });
    await assert.rejects(bad.audio.transcriptions.create({ file: await wavFile(uniqueSpeech(200, 505)), model: MODEL }), AuthenticationError);
    await assert.rejects(client.audio.transcriptions.create({ file: await wavFile(uniqueSpeech(200, 506)), model: '' }), BadRequestError);
    const notWav = await toFile(Buffer.from('not audio at all'), 'x.wav', { type: 'audio/wav' });
    await assert.rejects(client.audio.transcriptions.create({ file: notWav, model: MODEL }), BadRequestError);
  });

  it('honours the fault plan: an injected 503 for the counted requests, hang until the SDK times out', async () => {
    const speech = uniqueSpeech(1_000, 507);
    callerSpeech.register('call me back', speech);
    standIn.faults.set({ fault: { kind: 'http-error', status: 503 }, remaining: 1 });
    const failed = await client.audio.transcriptions.create({ file: await wavFile(speech), model: MODEL }).then(
      () => assert.fail('expected a 503'),
      (error: unknown) => error,
    );
    assert.ok(failed instanceof InternalServerError);
    assert.equal(failed.status, 503);
    assert.equal((await client.audio.transcriptions.create({ file: await wavFile(speech), model: MODEL })).text, 'call me back');
    standIn.faults.set({ fault: { kind: 'hang' } });
    const startedAt = Date.now();
    await assert.rejects(client.audio.transcriptions.create({ file: await wavFile(speech), model: MODEL }, { timeout: 300 }), /timed out/i);
    assert.ok(Date.now() - startedAt >= 290);
  });

  it('firstByteDelayMs delays the answer', async () => {
    const speech = uniqueSpeech(600, 508);
    callerSpeech.register('hello', speech);
    standIn.faults.set({ firstByteDelayMs: 300 });
    const startedAt = Date.now();
    const result = await client.audio.transcriptions.create({ file: await wavFile(speech), model: MODEL });
    assert.equal(result.text, 'hello');
    assert.ok(Date.now() - startedAt >= 290);
  });
});
