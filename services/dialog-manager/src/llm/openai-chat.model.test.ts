import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ProviderFailure } from '@va/resilience';
import { lastUserMessageContains, OpenAiStandIn, offersTool } from '@va/sandbox';
import type { ChatTurnRequest, ModelEvent, ToolSpec } from './chat.model';
import { OpenAiChatModel } from './openai-chat.model';
import { collect } from './scripted-chat.model.test-support';

const API_KEY = 'sk-test-dm-llm-model';
const SCHEDULE_TOOL: ToolSpec = {
  name: 'schedule_appointment',
  description: 'Book a free slot of the client broker',
  parameters: { type: 'object', properties: { slotId: { type: 'string' }, notes: { type: 'string' } }, required: ['slotId'] },
};
const END_CALL_TOOL: ToolSpec = { name: 'end_call', description: 'Hang up politely', parameters: { type: 'object', properties: {} } };

const textOf = (events: readonly ModelEvent[]) => events.flatMap((event) => (event.kind === 'text' ? [event.delta] : [])).join('');

describe('OpenAiChatModel against the OpenAI stand-in', () => {
  let standIn: OpenAiStandIn;
  let model: OpenAiChatModel;

  before(async () => {
    standIn = await OpenAiStandIn.start({ apiKeys: [API_KEY] });
    model = new OpenAiChatModel({ name: 'openai', baseUrl: standIn.url, apiKey: API_KEY, model: 'gpt-4o-mini' });
  });
  after(() => standIn.close());
  beforeEach(() => standIn.reset());

  it('streams the answer as text deltas, then a stop end', async () => {
    const answer = 'We are open from nine to five, Monday to Friday.';
    standIn.script.reply(lastUserMessageContains('hours'), { content: answer });
    const events = await collect(model.stream({ messages: [{ role: 'user', content: 'What are your hours?' }], tools: [] }, new AbortController().signal));
    const deltas = events.filter((event) => event.kind === 'text');
    assert.ok(deltas.length >= 10, `one event per token, got ${deltas.length}`);
    assert.equal(textOf(events), answer);
    assert.deepEqual(events.at(-1), { kind: 'end', finishReason: 'stop' });
    const sent = standIn.chatRequests()[0];
    assert.equal(sent?.stream, true);
    assert.equal(sent?.tools, undefined, 'no tools offered: no tools and no tool_choice');
    assert.equal(sent?.tool_choice, undefined);
  });

  it('yields text, then each tool call whole with its arguments JSON intact, then tool_calls', async () => {
    const slot = { slotId: 'slot-2025-07-01T15:00', notes: 'prefers "afternoon", {braces} and, commas' };
    standIn.script.reply(offersTool('schedule_appointment'), {
      content: 'Let me book that.',
      toolCalls: [
        { name: 'schedule_appointment', arguments: slot },
        { name: 'end_call', arguments: {} },
      ],
    });
    const events = await collect(model.stream({ messages: [{ role: 'user', content: 'Tuesday at three works' }], tools: [SCHEDULE_TOOL, END_CALL_TOOL] }, new AbortController().signal));
    const calls = events.filter((event) => event.kind === 'tool-call');
    assert.deepEqual(calls.map((call) => call.name), ['schedule_appointment', 'end_call']);
    assert.deepEqual(JSON.parse(calls[0]!.argumentsJson), slot);
    assert.deepEqual(JSON.parse(calls[1]!.argumentsJson), {});
    assert.match(calls[0]!.id, /^call_/);
    assert.notEqual(calls[0]!.id, calls[1]!.id);
    assert.equal(textOf(events), 'Let me book that.');
    assert.deepEqual(events.map((event) => event.kind).slice(-3), ['tool-call', 'tool-call', 'end']);
    assert.ok(events.findIndex((event) => event.kind === 'tool-call') > events.findLastIndex((event) => event.kind === 'text'), 'text comes first');
    assert.deepEqual(events.at(-1), { kind: 'end', finishReason: 'tool_calls' });
    const sent = standIn.chatRequests()[0];
    assert.equal(sent?.tool_choice, 'auto');
    assert.deepEqual(sent?.tools?.map((tool) => tool.function.name), ['schedule_appointment', 'end_call']);
  });

  it('sends the whole conversation: system, user, an assistant tool call and its result', async () => {
    const request: ChatTurnRequest = {
      messages: [
        { role: 'system', content: 'You are the scheduling assistant.' },
        { role: 'user', content: 'Book Tuesday at three.' },
        { role: 'assistant', toolCalls: [{ id: 'call_1', name: 'schedule_appointment', argumentsJson: '{"slotId":"s1"}' }] },
        { role: 'tool', toolCallId: 'call_1', content: '{"ok":true}' },
      ],
      tools: [SCHEDULE_TOOL],
    };
    await collect(model.stream(request, new AbortController().signal));
    const sent = standIn.chatRequests()[0];
    assert.deepEqual(sent?.messages.map((message) => message.role), ['system', 'user', 'assistant', 'tool']);
    const assistant = sent?.messages[2];
    assert.ok(assistant?.role === 'assistant');
    assert.deepEqual(assistant.tool_calls?.map((call) => [call.id, call.function.name, call.function.arguments]), [['call_1', 'schedule_appointment', '{"slotId":"s1"}']]);
    const tool = sent?.messages[3];
    assert.ok(tool?.role === 'tool');
    assert.equal(tool.tool_call_id, 'call_1');
  });

  it('fails with a ProviderFailure naming the status only, and never retries', async () => {
    standIn.faults.set({ fault: { kind: 'http-error', status: 503 } });
    await assert.rejects(collect(model.stream({ messages: [{ role: 'user', content: 'hi' }], tools: [] }, new AbortController().signal)), (error: unknown) => {
      assert.ok(error instanceof ProviderFailure);
      assert.equal(error.message, 'openai: error: HTTP 503');
      return true;
    });
    assert.equal(standIn.chatRequests().length, 1, 'the SDK made no retry');
  });

  it('fails when the connection drops mid-stream', async () => {
    standIn.faults.set({ fault: { kind: 'disconnect', afterChunks: 3 } });
    standIn.script.reply(lastUserMessageContains('hi'), { content: 'one two three four five six' });
    const events: ModelEvent[] = [];
    await assert.rejects(async () => {
      for await (const event of model.stream({ messages: [{ role: 'user', content: 'hi' }], tools: [] }, new AbortController().signal)) events.push(event);
    }, ProviderFailure);
    assert.equal(textOf(events), 'one two three');
  });

  it('stops promptly when its signal aborts mid-stream', async () => {
    standIn.faults.set({ chunkIntervalMs: 200 });
    standIn.script.reply(lastUserMessageContains('hi'), { content: 'one two three four five six seven eight' });
    const controller = new AbortController();
    const received: ModelEvent[] = [];
    let abortedAt = 0;
    await assert.rejects(async () => {
      for await (const event of model.stream({ messages: [{ role: 'user', content: 'hi' }], tools: [] }, controller.signal)) {
        received.push(event);
        abortedAt = Date.now();
        controller.abort();
      }
    });
    assert.equal(received.length, 1);
    assert.ok(Date.now() - abortedAt < 150, `stopped ${Date.now() - abortedAt} ms after the abort`);
  });
});
