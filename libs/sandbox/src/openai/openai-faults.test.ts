import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import OpenAI, { APIConnectionTimeoutError, APIUserAbortError, InternalServerError, RateLimitError } from 'openai';
import { OpenAiStandIn } from './openai.stand-in';

const API_KEY = 'sk-test-openai-faults';
const MODEL = 'gpt-4o-mini';
const TEN_TOKENS = 'one two three four five six seven eight nine ten';

describe('OpenAI stand-in faults and timing, seen through openai-node', () => {
  let standIn: OpenAiStandIn;
  let client: OpenAI;

  before(async () => {
    standIn = await OpenAiStandIn.start({ apiKeys: [API_KEY], defaultReply: { content: TEN_TOKENS } });
    client = new OpenAI({ apiKey: API_KEY, baseURL: standIn.url, maxRetries: 0 });
  });
  after(() => standIn.close());
  beforeEach(() => standIn.reset());

  function streamOnce() {
    return client.chat.completions.create({ model: MODEL, stream: true, messages: [{ role: 'user', content: 'count to ten' }] });
  }

  it('answers 429 with the rate-limit body and Retry-After (RateLimitError)', async () => {
    standIn.faults.set({ fault: { kind: 'http-error', status: 429, retryAfterSeconds: 7 } });
    const error = await streamOnce().then(
      () => assert.fail('expected a 429'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.status, 429);
    assert.equal(error.code, 'rate_limit_exceeded');
    assert.equal(error.headers.get('retry-after'), '7');
  });

  it('answers an injected 503 with a server_error body, for the counted requests only', async () => {
    standIn.faults.set({ fault: { kind: 'http-error', status: 503 }, remaining: 1 });
    const error = await streamOnce().then(
      () => assert.fail('expected a 503'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof InternalServerError);
    assert.equal(error.status, 503);
    assert.equal(error.type, 'server_error');
    const chunks = [];
    for await (const chunk of await streamOnce()) chunks.push(chunk);
    assert.ok(chunks.length > 10, 'the next request is served normally');
  });

  it('hangs until the SDK times out', async () => {
    standIn.faults.set({ fault: { kind: 'hang' } });
    const startedAt = Date.now();
    const error = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'hi' }] }, { timeout: 300 }).then(
      () => assert.fail('expected a timeout'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof APIConnectionTimeoutError, String(error));
    assert.ok(Date.now() - startedAt >= 290);
  });

  it('goes silent after the headers: the stream opens and no chunk ever comes', async () => {
    standIn.faults.set({ fault: { kind: 'silence' } });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: MODEL, stream: true, messages: [{ role: 'user', content: 'hi' }] },
      { signal: controller.signal },
    );
    const openedAt = Date.now();
    setTimeout(() => controller.abort(), 400);
    let received = 0;
    try {
      for await (const _chunk of stream) received += 1;
    } catch (error) {
      assert.ok(error instanceof APIUserAbortError, String(error));
    }
    assert.equal(received, 0);
    assert.ok(Date.now() - openedAt >= 390, 'the stream stayed open until the client gave up');
  });

  it('drops the connection mid-stream and the SDK stream throws', async () => {
    standIn.faults.set({ fault: { kind: 'disconnect', afterChunks: 3 } });
    const received: string[] = [];
    await assert.rejects(async () => {
      for await (const chunk of await streamOnce()) received.push(chunk.choices[0]?.delta.content ?? '');
    });
    assert.equal(received.join(''), 'one two three');
  });

  it('trickles the SSE bytes in tiny pieces and the SDK still reassembles the turn', async () => {
    standIn.faults.set({ fault: { kind: 'trickle', chunkBytes: 7, intervalMs: 0 } });
    let text = '';
    for await (const chunk of await streamOnce()) text += chunk.choices[0]?.delta.content ?? '';
    assert.equal(text, TEN_TOKENS);
  });

  it('delays the first content token by firstByteDelayMs', async () => {
    standIn.faults.set({ firstByteDelayMs: 300 });
    const startedAt = Date.now();
    let firstTokenAfterMs: number | undefined;
    for await (const chunk of await streamOnce()) {
      if (firstTokenAfterMs === undefined && (chunk.choices[0]?.delta.content ?? '') !== '') firstTokenAfterMs = Date.now() - startedAt;
    }
    assert.ok(firstTokenAfterMs !== undefined && firstTokenAfterMs >= 300, `first token after ${firstTokenAfterMs} ms`);
    assert.ok(firstTokenAfterMs < 1_000, `first token after ${firstTokenAfterMs} ms`);
  });

  it('paces tokens by chunkIntervalMs (10 tokens at 20 ms take at least 180 ms)', async () => {
    standIn.faults.set({ chunkIntervalMs: 20 });
    const arrivals: number[] = [];
    const startedAt = Date.now();
    for await (const chunk of await streamOnce()) {
      if ((chunk.choices[0]?.delta.content ?? '') !== '') arrivals.push(Date.now());
    }
    assert.equal(arrivals.length, 10);
    const spanMs = (arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0);
    assert.ok(spanMs >= 175, `tokens spanned ${spanMs} ms`);
    assert.ok(Date.now() - startedAt >= 180);
  });

  it('delays a non-streaming answer by the generation time', async () => {
    standIn.faults.set({ firstByteDelayMs: 100, chunkIntervalMs: 20 });
    const startedAt = Date.now();
    const completion = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'count' }] });
    assert.equal(completion.choices[0]?.message.content, TEN_TOKENS);
    assert.ok(Date.now() - startedAt >= 270, `answered after ${Date.now() - startedAt} ms`);
  });

  it('switches faults at runtime through the control endpoint', async () => {
    const response = await fetch(`${standIn.origin}/__sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ fault: { kind: 'http-error', status: 500 } }),
    });
    assert.equal(response.status, 200);
    await assert.rejects(streamOnce(), (error: unknown) => error instanceof InternalServerError && error.status === 500);
  });
});
