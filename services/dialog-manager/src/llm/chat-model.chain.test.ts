import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { ChainExhaustedError } from '@va/resilience';
import { OpenAiStandIn, type FaultPlan } from '@va/sandbox';
import { Registry } from 'prom-client';
import { ChatModelChain, type ChainedModelEvent, type ChatModelChainOptions } from './chat-model.chain';
import type { ChatTurnRequest } from './chat.model';
import { OpenAiChatModel } from './openai-chat.model';
import { collect, ScriptedChatModel, textEvents } from './scripted-chat.model.test-support';

const PRIMARY_KEY = 'sk-test-dm-llm-primary';
const SECONDARY_KEY = 'sk-test-dm-llm-secondary';
const BUDGET_MS = 300;
const REQUEST: ChatTurnRequest = { messages: [{ role: 'user', content: 'Which insurers do you accept?' }], tools: [] };
const PRIMARY_ANSWER = 'one two three four five six';
const SECONDARY_ANSWER = 'We accept most major insurers.';

async function metricValue(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((each) => each.name === name);
  const found = (metric?.values ?? []).find((value) => Object.entries(labels).every(([key, expected]) => value.labels[key] === expected));
  return Number(found?.value ?? 0);
}

const textOf = (events: readonly ChainedModelEvent[]) => events.flatMap((event) => (event.kind === 'text' ? [event.delta] : [])).join('');

describe('ChatModelChain: OpenAI, then a secondary OpenAI-compatible endpoint', () => {
  let primary: OpenAiStandIn;
  let secondary: OpenAiStandIn;
  let registry: Registry;
  let chain: ChatModelChain | undefined;

  function chainWith(options: Partial<ChatModelChainOptions> = {}): ChatModelChain {
    chain = new ChatModelChain(
      [
        new OpenAiChatModel({ name: 'openai', baseUrl: primary.url, apiKey: PRIMARY_KEY, model: 'gpt-4o-mini' }),
        new OpenAiChatModel({ name: 'llm-secondary', baseUrl: secondary.url, apiKey: SECONDARY_KEY, model: 'llama-3.1-8b-instruct' }),
      ],
      { registry, firstTokenBudgetMs: BUDGET_MS, breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 }, ...options },
    );
    return chain;
  }

  before(async () => {
    primary = await OpenAiStandIn.start({ apiKeys: [PRIMARY_KEY], defaultReply: { content: PRIMARY_ANSWER } });
    secondary = await OpenAiStandIn.start({ apiKeys: [SECONDARY_KEY], defaultReply: { content: SECONDARY_ANSWER } });
  });
  after(async () => {
    await primary.close();
    await secondary.close();
  });
  beforeEach(() => {
    primary.reset();
    secondary.reset();
    registry = new Registry();
  });
  afterEach(() => chain?.shutdown());

  it('streams the turn from the primary while it is healthy, each event naming the model', async () => {
    const events = await collect(chainWith().streamTurn(REQUEST, new AbortController().signal));
    assert.equal(textOf(events), PRIMARY_ANSWER);
    assert.ok(events.every((event) => event.model === 'openai'));
    assert.deepEqual(events.at(-1), { kind: 'end', finishReason: 'stop', model: 'openai' });
    assert.equal(secondary.chatRequests().length, 0);
  });

  const primaryFaults: Array<[string, Partial<FaultPlan>, string]> = [
    ['an HTTP 503', { fault: { kind: 'http-error', status: 503 } }, 'error'],
    ['a request that hangs', { fault: { kind: 'hang' } }, 'timeout'],
    ['a stream that opens and stays silent', { fault: { kind: 'silence' } }, 'timeout'],
    ['a first token later than the budget', { firstByteDelayMs: 1_000 }, 'timeout'],
  ];
  for (const [label, plan, reason] of primaryFaults) {
    it(`fails over to the secondary on ${label}, within the first-token budget`, async () => {
      primary.faults.set({ ...plan, remaining: 1 });
      const startedAt = Date.now();
      const events = await collect(chainWith().streamTurn(REQUEST, new AbortController().signal));
      assert.equal(textOf(events), SECONDARY_ANSWER);
      assert.ok(events.every((event) => event.model === 'llm-secondary'));
      assert.ok(Date.now() - startedAt < BUDGET_MS + 500, `answered after ${Date.now() - startedAt} ms`);
      assert.equal(await metricValue(registry, 'provider_failures_total', { kind: 'llm', provider: 'openai', reason }), 1);
      assert.equal(await metricValue(registry, 'provider_failovers_total', { kind: 'llm', from: 'openai', to: 'llm-secondary' }), 1);
    });
  }

  it('throws ChainExhaustedError when every model fails, listing each failure without provider messages', async () => {
    primary.faults.set({ fault: { kind: 'http-error', status: 500 } });
    secondary.faults.set({ fault: { kind: 'http-error', status: 429 } });
    await assert.rejects(collect(chainWith().streamTurn(REQUEST, new AbortController().signal)), (error: unknown) => {
      assert.ok(error instanceof ChainExhaustedError);
      assert.deepEqual(error.failures.map((failure) => failure.message), ['openai: error: HTTP 500', 'llm-secondary: error: HTTP 429']);
      return true;
    });
  });

  it('opens the primary breaker after repeated failures, exports it, and then skips the primary', async () => {
    primary.faults.set({ fault: { kind: 'http-error', status: 503 } });
    const turns = chainWith();
    for (let turn = 0; turn < 2; turn += 1) assert.equal(textOf(await collect(turns.streamTurn(REQUEST, new AbortController().signal))), SECONDARY_ANSWER);
    assert.equal(turns.breakerState('openai'), 'open');
    assert.equal(await metricValue(registry, 'provider_breaker_state', { kind: 'llm', provider: 'openai' }), 2);
    const requestsBefore = primary.chatRequests().length;
    assert.equal(textOf(await collect(turns.streamTurn(REQUEST, new AbortController().signal))), SECONDARY_ANSWER);
    assert.equal(primary.chatRequests().length, requestsBefore, 'an open breaker sends nothing to the primary');
  });

  it('ends the turn with what was said when the stream drops after its first token, without trying the secondary', async () => {
    primary.faults.set({ fault: { kind: 'disconnect', afterChunks: 3 }, remaining: 1 });
    const events = await collect(chainWith().streamTurn(REQUEST, new AbortController().signal));
    assert.equal(textOf(events), 'one two three');
    assert.deepEqual(events.at(-1), { kind: 'end', finishReason: 'interrupted', model: 'openai' });
    assert.equal(secondary.chatRequests().length, 0, 'words already heard are not repeated by another model');
    assert.equal(await metricValue(registry, 'provider_failures_total', { kind: 'llm', provider: 'openai', reason: 'error' }), 1);
    assert.equal(await metricValue(registry, 'provider_failovers_total', { kind: 'llm', from: 'openai', to: 'llm-secondary' }), 0);
  });

  it('ends the turn as interrupted when the stream stalls mid-turn past the stall timeout', async () => {
    primary.faults.set({ chunkIntervalMs: 1_000, remaining: 1 });
    const startedAt = Date.now();
    const events = await collect(chainWith({ stallTimeoutMs: 150 }).streamTurn(REQUEST, new AbortController().signal));
    assert.equal(textOf(events), 'one');
    assert.deepEqual(events.at(-1), { kind: 'end', finishReason: 'interrupted', model: 'openai' });
    assert.ok(Date.now() - startedAt < 1_000, `gave up after ${Date.now() - startedAt} ms`);
    assert.equal(await metricValue(registry, 'provider_failures_total', { kind: 'llm', provider: 'openai', reason: 'silence' }), 1);
    assert.equal(secondary.chatRequests().length, 0);
  });

  it('stops promptly on abort mid-stream, counting nothing against the model', async () => {
    primary.faults.set({ chunkIntervalMs: 200 });
    const controller = new AbortController();
    const events: ChainedModelEvent[] = [];
    let abortedAt = 0;
    for await (const event of chainWith().streamTurn(REQUEST, controller.signal)) {
      events.push(event);
      abortedAt = Date.now();
      controller.abort();
    }
    assert.ok(Date.now() - abortedAt < 100, `ended ${Date.now() - abortedAt} ms after the abort`);
    assert.deepEqual(events.map((event) => event.kind), ['text']);
    assert.equal(await metricValue(registry, 'provider_failures_total', { kind: 'llm', provider: 'openai' }), 0);
  });

  it('stops promptly on abort before the first token, trying no other model', async () => {
    primary.faults.set({ firstByteDelayMs: 1_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const startedAt = Date.now();
    const events = await collect(chainWith({ firstTokenBudgetMs: 1_500 }).streamTurn(REQUEST, controller.signal));
    assert.deepEqual(events, []);
    assert.ok(Date.now() - startedAt < 200, `ended after ${Date.now() - startedAt} ms`);
    assert.equal(secondary.chatRequests().length, 0);
    assert.equal(await metricValue(registry, 'provider_failures_total', { kind: 'llm', provider: 'openai' }), 0);
  });
});

describe('ChatModelChain with scripted models', () => {
  it('counts a stream that ends without any event as silence and moves on', async () => {
    const registry = new Registry();
    const chain = new ChatModelChain([new ScriptedChatModel('empty', []), new ScriptedChatModel('backup', [...textEvents('Hello.'), { kind: 'end', finishReason: 'stop' }])], {
      registry,
      firstTokenBudgetMs: BUDGET_MS,
    });
    const events = await collect(chain.streamTurn(REQUEST, new AbortController().signal));
    assert.deepEqual(events.map((event) => [event.kind, event.model]), [['text', 'backup'], ['end', 'backup']]);
    assert.equal(await metricValue(registry, 'provider_failures_total', { kind: 'llm', provider: 'empty', reason: 'silence' }), 1);
    chain.shutdown();
  });

  it('turns a mid-stream error into an interrupted end and stops the model request when the consumer leaves early', async () => {
    const failing = new ScriptedChatModel('failing', [...textEvents('Half a'), { kind: 'fail' }]);
    const chain = new ChatModelChain([failing], { registry: new Registry(), firstTokenBudgetMs: BUDGET_MS });
    assert.deepEqual(await collect(chain.streamTurn(REQUEST, new AbortController().signal)), [
      { kind: 'text', delta: 'Half a', model: 'failing' },
      { kind: 'end', finishReason: 'interrupted', model: 'failing' },
    ]);
    const slow = new ScriptedChatModel('slow', [...textEvents('One.'), { kind: 'hang' }]);
    const leaving = new ChatModelChain([slow], { registry: new Registry(), firstTokenBudgetMs: BUDGET_MS });
    for await (const event of leaving.streamTurn(REQUEST, new AbortController().signal)) if (event.kind === 'text') break;
    assert.equal(slow.aborted, 1, 'the request is aborted once nobody reads the turn');
    chain.shutdown();
    leaving.shutdown();
  });

  it('refuses two models with the same name', () => {
    assert.throws(() => new ChatModelChain([new ScriptedChatModel('same', []), new ScriptedChatModel('same', [])], { registry: new Registry(), firstTokenBudgetMs: BUDGET_MS }), /unique/);
  });
});
