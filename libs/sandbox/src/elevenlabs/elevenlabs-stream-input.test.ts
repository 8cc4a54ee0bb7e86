import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { concatAudio, mulawBytesForMs } from '@va/audio';
import WebSocket from 'ws';
import { UtteranceRegistry } from '../side-channel/utterance.registry';
import type { CharAlignment } from './char.alignment';
import { ElevenLabsStandIn } from './elevenlabs.stand-in';

const API_KEY = 'xi-test-elevenlabs-ws';
const VOICE = 'EXAVITQu4vr4xnSDxMaL';
const INIT = { text: ' ', voice_settings: { stability: 0.5, similarity_boost: 0.8 }, generation_config: { chunk_length_schedule: [120, 160, 250, 290] } };

interface ServerFrame {
  readonly audio?: string | null;
  readonly isFinal?: boolean | null;
  readonly alignment?: CharAlignment;
  readonly normalizedAlignment?: CharAlignment;
  readonly error?: string;
  readonly message?: string;
  readonly code?: number;
}

/** A bare `ws` client speaking stream-input, as the app does (the SDK has no client for it). */
class TtsSocket {
  readonly frames: Array<{ readonly frame: ServerFrame; readonly atMs: number }> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private listeners: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push({ frame: JSON.parse(String(data)) as ServerFrame, atMs: Date.now() });
      for (const listener of this.listeners) listener();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<TtsSocket> {
    const ws = new WebSocket(url, { headers });
    const socket = new TtsSocket(ws);
    await once(ws, 'open');
    return socket;
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  audioFrames(): ServerFrame[] {
    return this.frames.map(({ frame }) => frame).filter((frame) => typeof frame.audio === 'string');
  }

  audio(): Uint8Array {
    return concatAudio(this.audioFrames().map((frame) => Buffer.from(frame.audio ?? '', 'base64')));
  }

  waitFor(predicate: (frames: readonly ServerFrame[]) => boolean, timeoutMs = 2_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => predicate(this.frames.map(({ frame }) => frame));
      if (check()) return resolve();
      const timer = setTimeout(() => reject(new Error(`frames not seen within ${timeoutMs} ms`)), timeoutMs);
      this.listeners.push(() => {
        if (!check()) return;
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

describe('ElevenLabs stand-in stream-input WebSocket, driven by ws', () => {
  const agentSpeech = new UtteranceRegistry();
  let standIn: ElevenLabsStandIn;
  const streamUrl = (query = 'model_id=eleven_flash_v2_5&output_format=ulaw_8000'): string => `${standIn.wsUrl}/v1/text-to-speech/${VOICE}/stream-input?${query}`;

  before(async () => {
    standIn = await ElevenLabsStandIn.start({ apiKeys: [API_KEY], agentSpeech });
  });
  after(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('buffers text until flush, sends audio frames with alignment, then the final frame after "" and closes', async () => {
    const socket = await TtsSocket.open(streamUrl());
    socket.send({ ...INIT, xi_api_key: API_KEY });
    socket.send({ text: 'Hello there. ' });
    socket.send({ text: 'How can I help? ' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(socket.frames.length, 0, 'short text stays buffered below the 120-character schedule');

    socket.send({ text: '', flush: true });
    const firstText = 'Hello there. How can I help?';
    const firstBytes = mulawBytesForMs(firstText.length * 65);
    await socket.waitFor(() => socket.audio().length >= firstBytes);
    const frames = socket.audioFrames();
    assert.ok(frames.length >= 2);
    assert.ok(frames.every((frame) => frame.isFinal === null && frame.alignment !== undefined && frame.normalizedAlignment !== undefined));
    assert.equal(frames.map((frame) => frame.alignment?.chars.join('')).join(''), firstText);
    const alignment = frames[0]?.alignment;
    assert.equal(alignment?.charStartTimesMs[0], 0);
    assert.equal(alignment?.chars.length, alignment?.charsDurationsMs.length);
    assert.equal(agentSpeech.match(socket.audio())?.utterance.text, firstText);

    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(socket.frames.every(({ frame }) => frame.isFinal !== true), 'no final frame after a flush');
    socket.send({ text: 'Goodbye now. ' });
    socket.send({ text: '' });
    const { code } = await socket.closed;
    assert.equal(code, 1000);
    const last = socket.frames.at(-1)?.frame;
    assert.deepEqual(last, { audio: null, isFinal: true });
    const tail = socket.audio().subarray(firstBytes);
    assert.equal(tail.length, mulawBytesForMs('Goodbye now.'.length * 65));
    assert.equal(agentSpeech.match(tail)?.utterance.text, 'Goodbye now.');
    assert.deepEqual(
      standIn.syntheses().map((record) => [record.text, record.transport, record.modelId, record.voiceId]),
      [
        [firstText, 'websocket', 'eleven_flash_v2_5', VOICE],
        ['Goodbye now.', 'websocket', 'eleven_flash_v2_5', VOICE],
      ],
    );
    const logged = standIn.requests.all().filter((entry) => entry.kind === 'ws-message');
    assert.match(logged[0]?.body ?? '', /"xi_api_key":"\*\*\*"/);
  });

  it('generates without a flush once the buffer reaches the chunk_length_schedule, keeping a partial word', async () => {
    const socket = await TtsSocket.open(streamUrl(), { 'xi-api-key': API_KEY });
    socket.send({ text: ' ', generation_config: { chunk_length_schedule: [50] } });
    socket.send({ text: 'I can see two openings on Tuesday morning, one at ni' });
    await socket.waitFor(() => socket.audioFrames().length > 0);
    await socket.waitFor(() => standIn.syntheses().length === 1);
    assert.equal(standIn.syntheses()[0]?.text, 'I can see two openings on Tuesday morning, one at');
    socket.send({ text: 'ne. ' });
    socket.send({ text: '' });
    await socket.closed;
    assert.equal(standIn.syntheses()[1]?.text, 'nine.');
  });

  it('generates each text message at once in auto_mode', async () => {
    const socket = await TtsSocket.open(streamUrl('output_format=ulaw_8000&auto_mode=true'), { 'xi-api-key': API_KEY });
    socket.send(INIT);
    socket.send({ text: 'Sure. ' });
    await socket.waitFor(() => socket.audio().length >= mulawBytesForMs(300));
    assert.equal(standIn.syntheses()[0]?.text, 'Sure.');
    socket.ws.close();
  });

  it('closes with 1008 after an error frame for a bad header key, a bad init key, or no key at all', async () => {
    const cases: Array<[Record<string, string>, Record<string, unknown>, string]> = [
      [{ 'xi-api-key': 'wrong' }, INIT, 'invalid_api_key'],
      [{}, { ...INIT, 'xi-api-key': 'wrong' }, 'invalid_api_key'],
      [{}, INIT, 'needs_authorization'],
    ];
    for (const [headers, init, expected] of cases) {
      const socket = await TtsSocket.open(streamUrl(), headers);
      socket.send(init);
      const { code } = await socket.closed;
      assert.equal(code, 1008, expected);
      assert.equal(socket.frames[0]?.frame.error, expected);
      assert.equal(socket.audioFrames().length, 0);
    }
    const bearer = await TtsSocket.open(streamUrl());
    bearer.send({ ...INIT, authorization: `Bearer ${API_KEY}`, flush: false });
    bearer.send({ text: 'Authorised by bearer. ', flush: true });
    await bearer.waitFor(() => bearer.audioFrames().length > 0);
    bearer.ws.close();
  });

  it('closes an idle socket after inactivity_timeout with input_timeout_exceeded', async () => {
    const socket = await TtsSocket.open(streamUrl('output_format=ulaw_8000&inactivity_timeout=1'), { 'xi-api-key': API_KEY });
    const openedAt = Date.now();
    socket.send(INIT);
    const { code, reason } = await socket.closed;
    const idleMs = Date.now() - openedAt;
    assert.equal(code, 1008);
    assert.match(reason, /^Have not received a new text input within the timeout of 1 seconds/);
    assert.ok(Buffer.byteLength(reason) <= 123);
    assert.equal(socket.frames[0]?.frame.error, 'input_timeout_exceeded');
    assert.ok(idleMs >= 950 && idleMs < 2_000, `closed after ${idleMs} ms`);
  });

  it('answers malformed frames with an error frame and close 1008, and keeps serving', async () => {
    for (const bad of ['{"text": "unterminated', Buffer.from([1, 2, 3]), '{"flush":true}']) {
      const socket = await TtsSocket.open(streamUrl(), { 'xi-api-key': API_KEY });
      if (typeof bad === 'string' && bad.includes('flush')) socket.send(INIT);
      socket.ws.send(bad);
      const { code } = await socket.closed;
      assert.equal(code, 1008);
      assert.equal(socket.frames[0]?.frame.error, 'invalid_message');
    }
    const first = await TtsSocket.open(streamUrl(), { 'xi-api-key': API_KEY });
    first.send({ text: 'Hello without init. ' });
    assert.equal((await first.closed).code, 1008, 'the first frame must be the single-space init');
    const healthy = await TtsSocket.open(streamUrl(), { 'xi-api-key': API_KEY });
    healthy.send(INIT);
    healthy.send({ text: 'Still here. ', flush: true });
    await healthy.waitFor(() => healthy.audioFrames().length > 0);
    healthy.ws.close();
  });

  it('rejects a bad query on the open socket (unsupported output_format, out-of-range inactivity_timeout)', async () => {
    for (const query of ['output_format=mp3_44100_128', 'output_format=ulaw_8000&inactivity_timeout=500']) {
      const socket = await TtsSocket.open(streamUrl(query), { 'xi-api-key': API_KEY });
      assert.equal((await socket.closed).code, 1008, query);
      assert.equal(socket.frames[0]?.frame.error, 'invalid_request');
    }
  });

  it('silence: accepts text and flushes but never sends audio, and stays open', async () => {
    standIn.faults.set({ fault: { kind: 'silence' } });
    const socket = await TtsSocket.open(streamUrl(), { 'xi-api-key': API_KEY });
    socket.send(INIT);
    socket.send({ text: 'Are you still there? ', flush: true });
    const tick = setInterval(() => socket.send({ text: 'More text. ', flush: true }), 200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    clearInterval(tick);
    assert.equal(socket.frames.length, 0);
    assert.equal(socket.ws.readyState, WebSocket.OPEN);
    assert.ok(standIn.requests.all().filter((entry) => entry.kind === 'ws-message').length >= 5);
    socket.ws.close();
  });

  it('disconnects after N audio messages (no close frame)', async () => {
    standIn.faults.set({ fault: { kind: 'disconnect', afterChunks: 2 } });
    const socket = await TtsSocket.open(streamUrl(), { 'xi-api-key': API_KEY });
    socket.send(INIT);
    socket.send({ text: 'This is a long enough reply to need several audio messages. ', flush: true });
    const { code } = await socket.closed;
    assert.equal(code, 1006);
    assert.equal(socket.audioFrames().length, 2);
  });

  it('delays the first audio after a flush by firstByteDelayMs', async () => {
    standIn.faults.set({ firstByteDelayMs: 250 });
    const socket = await TtsSocket.open(streamUrl(), { 'xi-api-key': API_KEY });
    socket.send(INIT);
    const flushedAt = Date.now();
    socket.send({ text: 'Let me check that for you. ', flush: true });
    await socket.waitFor(() => socket.audioFrames().length > 0);
    const firstAfterMs = (socket.frames[0]?.atMs ?? 0) - flushedAt;
    assert.ok(firstAfterMs >= 245, `first audio after ${firstAfterMs} ms`);
    socket.ws.close();
  });

  it('refuses the upgrade with the injected status, and hang never completes the handshake', async () => {
    standIn.faults.set({ fault: { kind: 'http-error', status: 503 }, remaining: 1 });
    const refused = new WebSocket(streamUrl(), { headers: { 'xi-api-key': API_KEY } });
    const [, response] = (await once(refused, 'unexpected-response')) as [unknown, IncomingMessage];
    assert.equal(response.statusCode, 503);
    refused.on('error', () => undefined);
    refused.terminate();

    standIn.faults.set({ fault: { kind: 'hang' } });
    const hanging = new WebSocket(streamUrl(), { headers: { 'xi-api-key': API_KEY }, handshakeTimeout: 300 });
    const [error] = (await once(hanging, 'error')) as [Error];
    assert.match(error.message, /timed out/i);
  });
});
