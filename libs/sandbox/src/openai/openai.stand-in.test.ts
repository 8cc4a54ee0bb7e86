import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import OpenAI, { AuthenticationError, BadRequestError } from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParamsNonStreaming, ChatCompletionTool } from 'openai/resources/chat/completions';
import { lastMessageIsToolResult, lastUserMessageContains, lastUserMessageMatches, offersTool } from './chat.matchers';
import { OpenAiStandIn } from './openai.stand-in';

const API_KEY = 'sk-test-openai-stand-in';
const MODEL = 'gpt-4o-mini';
const TRANSFER_TOOL: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'transfer_call',
    description: 'Transfer the caller to a human',
    parameters: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] },
  },
};

async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('OpenAI stand-in driven by openai-node', () => {
  let standIn: OpenAiStandIn;
  let client: OpenAI;

  before(async () => {
    standIn = await OpenAiStandIn.start({ apiKeys: [API_KEY] });
    client = new OpenAI({ apiKey: API_KEY, baseURL: standIn.url, maxRetries: 0 });
  });
  after(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('streams a text turn whose content deltas reassemble to the scripted text', async () => {
    const text = 'Hello there, how can I help you with your appointment today?';
    standIn.script.reply(lastUserMessageContains('hello'), { content: text });
    const stream = await client.chat.completions.create({ model: MODEL, stream: true, messages: [{ role: 'user', content: 'Hello!' }] });
    const chunks = await collect(stream);

    const first = chunks[0];
    assert.ok(first);
    assert.deepEqual(first.choices[0]?.delta, { role: 'assistant', content: '', refusal: null });
    const contentDeltas = chunks.map((chunk) => chunk.choices[0]?.delta.content).filter((content): content is string => typeof content === 'string' && content !== '');
    assert.ok(contentDeltas.length >= 10, `one delta per word-ish token, got ${contentDeltas.length}`);
    assert.equal(contentDeltas.join(''), text);
    const last = chunks.at(-1);
    assert.equal(last?.choices[0]?.finish_reason, 'stop');
    assert.deepEqual(last?.choices[0]?.delta, {});
    assert.ok(chunks.slice(0, -1).every((chunk) => chunk.choices[0]?.finish_reason === null));
    assert.equal(new Set(chunks.map((chunk) => chunk.id)).size, 1);
    assert.match(first.id, /^chatcmpl-[A-Za-z0-9]+$/);
    assert.ok(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === MODEL && chunk.created === first.created));
    assert.ok(chunks.every((chunk) => typeof chunk.system_fingerprint === 'string' && !('usage' in chunk)));
  });

  it('streams a tool call that the SDK stream helper accumulates into name and parsable arguments', async () => {
    const args = { reason: 'caller asked for a human agent', urgency: 2 };
    standIn.script.reply(offersTool('transfer_call'), { toolCalls: [{ name: 'transfer_call', arguments: args }] });
    const runner = client.chat.completions.stream({
      model: MODEL,
      messages: [{ role: 'user', content: 'Let me talk to a person.' }],
      tools: [TRANSFER_TOOL],
      tool_choice: 'auto',
    });
    const rawChunks: ChatCompletionChunk[] = [];
    runner.on('chunk', (chunk) => rawChunks.push(chunk));
    const completion = await runner.finalChatCompletion();

    const choice = completion.choices[0];
    assert.equal(choice?.finish_reason, 'tool_calls');
    const call = choice?.message.tool_calls?.[0];
    assert.ok(call && call.type === 'function');
    assert.equal(call.function.name, 'transfer_call');
    assert.match(call.id, /^call_/);
    assert.deepEqual(JSON.parse(call.function.arguments), args);

    const opening = rawChunks[0]?.choices[0]?.delta;
    assert.equal(opening?.role, 'assistant');
    assert.equal(opening?.content, null);
    assert.deepEqual(opening?.tool_calls?.[0], { index: 0, id: call.id, type: 'function', function: { name: 'transfer_call', arguments: '' } });
    const fragments = rawChunks.slice(1).flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    assert.ok(fragments.length > 3, 'arguments arrive in small fragments');
    assert.ok(fragments.every((fragment) => fragment.index === 0 && fragment.id === undefined && fragment.function?.name === undefined));
  });

  it('streams parallel tool calls after some text, each call with its own index and id', async () => {
    standIn.script.reply(offersTool('transfer_call'), {
      content: 'One moment.',
      toolCalls: [
        { name: 'transfer_call', arguments: { reason: 'first' } },
        { name: 'lookup_policy', arguments: '{"policy":"A-1"}' },
      ],
    });
    const lookup: ChatCompletionTool = { type: 'function', function: { name: 'lookup_policy', parameters: { type: 'object', properties: {} } } };
    const completion = await client.chat.completions
      .stream({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }], tools: [TRANSFER_TOOL, lookup] })
      .finalChatCompletion();
    const message = completion.choices[0]?.message;
    assert.equal(message?.content, 'One moment.');
    const calls = (message?.tool_calls ?? []).map((call) => (call.type === 'function' ? [call.function.name, JSON.parse(call.function.arguments)] : []));
    assert.deepEqual(calls, [
      ['transfer_call', { reason: 'first' }],
      ['lookup_policy', { policy: 'A-1' }],
    ]);
  });

  it('adds the usage chunk with empty choices before [DONE] when include_usage is set', async () => {
    standIn.script.reply(() => true, { content: 'Sure thing.' });
    const stream = await client.chat.completions.create({
      model: MODEL,
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Book me in please' }],
    });
    const chunks = await collect(stream);
    const usageChunk = chunks.at(-1);
    assert.deepEqual(usageChunk?.choices, []);
    assert.ok(usageChunk?.usage);
    assert.ok(usageChunk.usage.prompt_tokens > 0);
    assert.equal(usageChunk.usage.completion_tokens, 3);
    assert.equal(usageChunk.usage.total_tokens, usageChunk.usage.prompt_tokens + 3);
    assert.ok(chunks.slice(0, -1).every((chunk) => chunk.usage === null));
    assert.equal(chunks.at(-2)?.choices[0]?.finish_reason, 'stop');
  });

  it('answers a non-streaming request with a chat.completion object', async () => {
    standIn.script.reply(lastUserMessageMatches(/policy\s+number/i), { content: 'Your policy is active.' });
    const completion = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'Is my policy number 12 active?' }] });
    assert.equal(completion.object, 'chat.completion');
    assert.match(completion.id, /^chatcmpl-/);
    assert.equal(completion.choices[0]?.message.role, 'assistant');
    assert.equal(completion.choices[0]?.message.content, 'Your policy is active.');
    assert.equal(completion.choices[0]?.finish_reason, 'stop');
    assert.ok(completion.usage && completion.usage.total_tokens > 0);
  });

  it('cuts content at max_completion_tokens with finish_reason "length"', async () => {
    standIn.script.reply(() => true, { content: 'one two three four five six' });
    const completion = await client.chat.completions.create({ model: MODEL, max_completion_tokens: 3, messages: [{ role: 'user', content: 'count' }] });
    assert.equal(completion.choices[0]?.message.content, 'one two three');
    assert.equal(completion.choices[0]?.finish_reason, 'length');
  });

  it('rejects a wrong key with 401 invalid_api_key (AuthenticationError)', async () => {
    const wrong = new OpenAI({ apiKey: 'sk-wrong-key-0000', baseURL: standIn.url, maxRetries: 0 });
    const error = await wrong.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'hi' }] }).then(
      () => assert.fail('expected a 401'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.status, 401);
    assert.equal(error.code, 'invalid_api_key');
    assert.equal(error.type, 'invalid_request_error');
    assert.equal(error.param, null);
    assert.equal(standIn.chatRequests().length, 0);
  });

  it('rejects a missing Authorization header with 401', async () => {
    const response = await fetch(`${standIn.url}/chat/completions`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(response.status, 401);
    const body = (await response.json()) as { error: { type: string; message: string } };
    assert.equal(body.error.type, 'invalid_request_error');
    assert.match(body.error.message, /didn't provide an API key/);
  });

  it('rejects a body without messages with 400 missing_required_parameter (BadRequestError)', async () => {
    const invalid = { model: MODEL } as unknown as ChatCompletionCreateParamsNonStreaming;
    const error = await client.chat.completions.create(invalid).then(
      () => assert.fail('expected a 400'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof BadRequestError);
    assert.equal(error.param, 'messages');
    assert.equal(error.code, 'missing_required_parameter');
  });

  it('rejects out-of-range and mistyped fields the way OpenAI does', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ temperature: 3 }, 'temperature'],
      [{ temperature: 'hot' }, 'temperature'],
      [{ messages: [] }, 'messages'],
      [{ stream_options: { include_usage: true } }, 'stream_options'],
      [{ tool_choice: 'auto' }, 'tool_choice'],
      [{ tools: [{ type: 'function', function: { name: 'has space' } }] }, 'tools[0].function.name'],
    ];
    for (const [override, param] of cases) {
      const body = { model: MODEL, messages: [{ role: 'user', content: 'hi' }], ...override } as unknown as ChatCompletionCreateParamsNonStreaming;
      const error = await client.chat.completions.create(body).then(
        () => assert.fail(`expected a 400 for ${JSON.stringify(override)}`),
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof BadRequestError, JSON.stringify(override));
      assert.equal(error.param, param, JSON.stringify(override));
    }
    const response = await fetch(`${standIn.url}/chat/completions`, { method: 'POST', body: '{"model":', headers: { authorization: `Bearer ${API_KEY}` } });
    assert.equal(response.status, 400);
  });

  it('rejects broken tool-call histories (unanswered call, orphan tool result)', async () => {
    const unanswered = client.chat.completions.create({
      model: MODEL,
      tools: [TRANSFER_TOOL],
      messages: [
        { role: 'user', content: 'transfer me' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'transfer_call', arguments: '{}' } }] },
        { role: 'user', content: 'hello?' },
      ],
    });
    await assert.rejects(unanswered, (error: unknown) => error instanceof BadRequestError && /call_1/.test(error.message));
    const orphan = client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'hi' }, { role: 'tool', tool_call_id: 'call_9', content: 'done' }] });
    await assert.rejects(orphan, (error: unknown) => error instanceof BadRequestError && error.param === 'messages.[1].role');
  });

  it('answers a tool result follow-up from its own entry, honours times, and falls back to the default', async () => {
    standIn.script
      .reply(lastMessageIsToolResult('transfer_call'), { content: 'Transferring you now.' })
      .reply(offersTool('transfer_call'), { toolCalls: [{ name: 'transfer_call', arguments: { reason: 'asked' } }] }, { times: 1 })
      .reply(lastUserMessageContains('weather'), (request) => ({ content: `You asked ${request.messages.length} things.` }));

    const first = await client.chat.completions.create({ model: MODEL, tools: [TRANSFER_TOOL], messages: [{ role: 'user', content: 'agent please' }] });
    const call = first.choices[0]?.message.tool_calls?.[0];
    assert.ok(call && call.type === 'function');
    const followUp = await client.chat.completions.create({
      model: MODEL,
      tools: [TRANSFER_TOOL],
      messages: [
        { role: 'user', content: 'agent please' },
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: call.id, content: '{"ok":true}' },
      ],
    });
    assert.equal(followUp.choices[0]?.message.content, 'Transferring you now.');
    const used = await client.chat.completions.create({ model: MODEL, tools: [TRANSFER_TOOL], messages: [{ role: 'user', content: 'agent again' }] });
    assert.equal(used.choices[0]?.message.tool_calls, undefined, 'times: 1 entry is used up');
    assert.match(used.choices[0]?.message.content ?? '', /sandbox assistant/);
    const computed = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'weather?' }] });
    assert.equal(computed.choices[0]?.message.content, 'You asked 1 things.');

    const requests = standIn.chatRequests();
    assert.equal(requests.length, 4);
    assert.equal(requests[1]?.messages.at(-1)?.role, 'tool');
    assert.equal(requests[0]?.tools?.[0]?.function.name, 'transfer_call');
  });

  it('passes over a scripted tool call the request does not offer', async () => {
    standIn.script.reply(() => true, { toolCalls: [{ name: 'transfer_call', arguments: {} }] });
    const completion = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'agent please' }] });
    assert.equal(completion.choices[0]?.message.tool_calls, undefined);
    assert.equal(completion.choices[0]?.finish_reason, 'stop');
  });

  it('logs each request with the credential masked', async () => {
    await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'log me' }] });
    const entry = await standIn.requests.waitFor((candidate) => candidate.path === '/v1/chat/completions', 1_000);
    assert.equal(entry.headers['authorization'], 'Bearer ***');
    assert.match(entry.body ?? '', /log me/);
  });
});
