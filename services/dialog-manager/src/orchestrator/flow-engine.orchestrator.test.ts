import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { Registry } from 'prom-client';
import type { Bus } from '@va/bus';
import { AnsweredBy, CallDirection, type MessageInit, type MessageOf } from '@va/contracts';
import { createLogger } from '@va/observability';
import { waitFor } from '@va/testing';
import { DeterministicEngine, FACT, type AnsweringMachineAction } from '../engine';
import type { ChatTurnRequest, ModelEvent } from '../llm';
import { ChatModelChain } from '../llm/chat-model.chain';
import { ScriptedChatModel } from '../llm/scripted-chat.model.test-support';
import { confirmSlot, createCallSession, MemorySessionStore, proposeSlotValue, recordCallerUtterance, rememberFacts, type CallSession } from '../session';
import { MemoryCallInfoStore } from './call-info.store';
import { DialogOrchestrator } from './dialog.orchestrator';
import { observedDialogBus, type Published } from './dialog-output.test-support';
import type { TurnStreamer } from './llm-turn.runner';
import { STAGE_HISTORY_START_FACT } from './stage-prompt.context';

/** Answers each request with the next scripted list of events, and keeps the requests. */
class QueueStreamer implements TurnStreamer {
  readonly requests: ChatTurnRequest[] = [];
  constructor(private readonly replies: ModelEvent[][]) {}
  async *streamTurn(request: ChatTurnRequest): AsyncGenerator<ModelEvent> {
    this.requests.push(request);
    for (const event of this.replies.shift() ?? [{ kind: 'end', finishReason: 'stop' }]) yield event;
  }
}

const quiet = createLogger({ service: 'dialog-llm-test', level: 'error' });
const TENANT = '00000000-0000-4000-8000-000000000002';
const CLIENT = '00000000-0000-4000-8000-0000000000c1';
const DOB_SPOKEN = 'march third nineteen fifty two';
const tenants = { profile: async () => ({ tenantId: TENANT, name: 'Harbor Benefits', kind: 'brokerage' as const, timeZone: 'America/New_York', settings: {} }) };

const text = (delta: string): ModelEvent => ({ kind: 'text', delta });
const toolCall = (id: string, name: string, args: unknown): ModelEvent => ({ kind: 'tool-call', id, name, argumentsJson: JSON.stringify(args) });
const end = (finishReason: 'stop' | 'tool_calls' = 'stop'): ModelEvent => ({ kind: 'end', finishReason });

/** A verified outbound call now in PRESENT: the date of birth was said and confirmed in VERIFY. */
function presentSession(callId: string): CallSession {
  let session = createCallSession({ callId, tenantId: TENANT, direction: 'outbound', flowId: 'outbound-cross-sell', stage: 'VERIFY', nowMs: 0 });
  session = recordCallerUtterance(session, { turnId: 'c1', text: `it's ${DOB_SPOKEN}` });
  session = confirmSlot(proposeSlotValue(session, 'dateOfBirth', '1952-03-03'), 'dateOfBirth');
  session = rememberFacts(session, {
    [FACT.clientFirstName]: 'Maria',
    [FACT.currentPlan]: 'Silver PPO',
    [FACT.coverageGap]: 'dental',
    [FACT.productName]: 'Dental Plus',
    [FACT.productCode]: 'DENTAL-PLUS',
    [FACT.priceRange]: '$20 to $35',
    [STAGE_HISTORY_START_FACT]: String(session.history.length),
  });
  return { ...session, stage: 'PRESENT', history: [...session.history, { role: 'agent', text: 'Our Dental Plus plan could fill that gap. Would you like to hear more?', turnId: 't3' }] };
}

describe('DialogOrchestrator on the flow engine (in-memory bus, memory stores): LLM turns in conversational stages, answering machines', () => {
  let bus: Bus;
  let published: Published[];
  let callId: string;
  let offset = 0;
  const buses: Bus[] = [];

  beforeEach(async () => {
    ({ bus, published } = await observedDialogBus(quiet));
    buses.push(bus);
    callId = `call_${Math.random().toString(36).slice(2)}`;
  });

  after(async () => {
    await Promise.all(buses.map((each) => each.close()));
  });

  async function orchestratorWith(llm: TurnStreamer | undefined, voicemail?: AnsweringMachineAction): Promise<{ orchestrator: DialogOrchestrator; sessions: MemorySessionStore }> {
    const sessions = new MemorySessionStore();
    const callInfo = new MemoryCallInfoStore();
    await callInfo.put({ callId, tenantId: TENANT, remoteNumber: '+15551230009', clientId: CLIENT });
    await sessions.create(presentSession(callId));
    const orchestrator = new DialogOrchestrator({
      bus, sessions, callInfo, tenants, engine: new DeterministicEngine(), logger: quiet, now: () => Date.parse('2026-11-30T15:00:00Z'), toolTimeoutMs: 2_000,
      ...(llm === undefined ? {} : { llm }),
      voicemailPolicy: { actionFor: async () => voicemail },
    });
    return { orchestrator, sessions };
  }

  const key = () => `test:0:${(offset += 1)}`;
  const say = (orchestrator: DialogOrchestrator, words: string) =>
    orchestrator.onTranscript({ callId, provider: 'deepgram', event: { case: 'transcript', value: { text: words, isFinal: true, speechFinal: true } } } as unknown as MessageOf<'call.transcript'>, key());
  const speaks = () =>
    published.flatMap((entry) => {
      const command = (entry.message as MessageInit<'call.speech'>).command;
      return entry.topic === 'call.speech' && command?.case === 'speak' ? [command.value] : [];
    });
  const toolRequests = () => published.filter((entry) => entry.topic === 'tool.request').map((entry) => entry.message as MessageOf<'tool.request'>);

  it('speaks the answer clause by clause as it streams, ends the turn with an empty last segment, and the prompt carries only PRESENT fields', async () => {
    const llm = new QueueStreamer([[text('Dental Plus covers two cleanings a year, '), text('and fillings too. '), text('Would you like to talk it over with your broker?'), end()]]);
    const { orchestrator } = await orchestratorWith(llm);
    await say(orchestrator, 'what does it cover exactly');
    await waitFor(() => speaks().some((speak) => speak.lastInTurn), { timeoutMs: 3_000, description: 'the turn ends' });
    const segments = speaks();
    assert.deepEqual(segments.map((speak) => speak.text), ['Dental Plus covers two cleanings a year,', 'and fillings too.', 'Would you like to talk it over with your broker?', '']);
    assert.deepEqual(segments.map((speak) => speak.segmentIndex), [0, 1, 2, 3]);
    assert.ok(segments.every((speak) => speak.turnId === segments[0]?.turnId));
    const request = JSON.stringify(llm.requests[0]);
    assert.ok(request.includes('Dental Plus') && request.includes('$20 to $35') && request.includes('Maria'), 'the stage fields are there');
    assert.ok(request.includes('what does it cover exactly'), "the caller's question is there");
    for (const identity of ['1952', 'march third', 'nineteen fifty', '03-03', CLIENT, '+15551230009']) assert.ok(!request.includes(identity), `the prompt must not carry ${identity}`);
    assert.deepEqual(llm.requests[0]?.tools.map((tool) => tool.name), ['check_eligibility', 'get_product_pricing', 'finish_stage']);
  });

  it('a date of birth said again in PRESENT is masked before it reaches the model', async () => {
    const llm = new QueueStreamer([[text('Thanks.'), end()]]);
    const { orchestrator } = await orchestratorWith(llm);
    await say(orchestrator, `my birthday is ${DOB_SPOKEN} if that matters`);
    await waitFor(() => llm.requests.length === 1, { timeoutMs: 3_000, description: 'one request' });
    const request = JSON.stringify(llm.requests[0]);
    assert.ok(!request.includes('fifty two') && !request.includes('march'), request);
    assert.ok(request.includes('my birthday is [date withheld] if that matters'), 'the rest of the line is kept');
  });

  it("a tool call goes to tool.request with the call's client bound and a call-and-turn idempotency key; the answer continues with its result", async () => {
    const llm = new QueueStreamer([
      [toolCall('call_a', 'get_product_pricing', { productCode: 'DENTAL-PLUS', household: 'family' }), end('tool_calls')],
      [text('For a family it runs about $45 to $70 a month, and your broker confirms the price.'), end()],
    ]);
    const { orchestrator } = await orchestratorWith(llm);
    await say(orchestrator, 'how much for my whole family');
    await waitFor(() => toolRequests().length === 1, { timeoutMs: 3_000, description: 'a tool request' });
    const request = toolRequests()[0];
    assert.equal(request?.toolName, 'get_product_pricing');
    assert.deepEqual(JSON.parse(request?.argumentsJson ?? '{}'), { productCode: 'DENTAL-PLUS', household: 'family' });
    assert.equal(request?.idempotencyKey, request?.requestId);
    assert.ok(request?.idempotencyKey.startsWith(`${callId}:llm-`), request?.idempotencyKey);
    await orchestrator.onToolResult({ callId, requestId: request?.requestId ?? '', toolName: 'get_product_pricing', outcome: { case: 'resultJson', value: JSON.stringify({ prices: [{ monthlyMinUsd: 45, monthlyMaxUsd: 70 }] }) } } as unknown as MessageOf<'tool.result'>, key());
    await waitFor(() => speaks().some((speak) => speak.lastInTurn), { timeoutMs: 3_000, description: 'the answer' });
    assert.match(speaks()[0]?.text ?? '', /\$45 to \$70/);
    const second = llm.requests[1];
    const toolMessage = second?.messages.find((message) => message.role === 'tool');
    assert.ok(toolMessage !== undefined && toolMessage.content.includes('monthlyMinUsd'), 'the result went back to the model');
  });

  it("finish_stage hands the flow to the engine: the household is kept and QUALIFY's next stage speaks", async () => {
    const llm = new QueueStreamer([[text('Great.'), toolCall('call_f', 'finish_stage', { outcome: 'interested', interested: 'yes' }), end('tool_calls')]]);
    const { orchestrator, sessions } = await orchestratorWith(llm);
    await say(orchestrator, 'yes that sounds good');
    await waitFor(async () => (await sessions.load(callId))?.stage === 'QUALIFY', { timeoutMs: 3_000, description: 'QUALIFY' });
    await waitFor(() => speaks().length >= 3, { timeoutMs: 3_000, description: 'the next stage speaks' });
    const [great, close, qualify] = speaks();
    assert.equal(great?.text, 'Great.');
    assert.deepEqual([close?.text, close?.lastInTurn], ['', true]);
    assert.notEqual(qualify?.turnId, great?.turnId);
    assert.match(qualify?.text ?? '', /just for you/);
    const session = await sessions.load(callId);
    assert.equal(session?.slots['interested']?.value, 'yes');
    assert.equal(session?.facts[STAGE_HISTORY_START_FACT], String(session?.history.length), 'the QUALIFY conversation starts now');
  });

  it('a finish_stage outcome the stage does not have changes nothing', async () => {
    const llm = new QueueStreamer([[toolCall('call_x', 'finish_stage', { outcome: 'booked' }), end('tool_calls')]]);
    const { orchestrator, sessions } = await orchestratorWith(llm);
    await say(orchestrator, 'sure');
    await waitFor(() => llm.requests.length >= 1, { timeoutMs: 3_000, description: 'the request' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await sessions.load(callId))?.stage, 'PRESENT');
  });

  it('with every model down, the engine answers the same words: the flow goes on without an LLM', async () => {
    const chain = new ChatModelChain([new ScriptedChatModel('openai', [{ kind: 'fail' }])], { registry: new Registry(), firstTokenBudgetMs: 500 });
    const { orchestrator, sessions } = await orchestratorWith(chain);
    await say(orchestrator, 'yes I would');
    await waitFor(async () => (await sessions.load(callId))?.stage === 'QUALIFY', { timeoutMs: 3_000, description: 'the engine moved on' });
    await waitFor(() => speaks().length >= 1, { timeoutMs: 3_000, description: 'QUALIFY speaks' });
    assert.match(speaks()[0]?.text ?? '', /just for you/);
    const session = await sessions.load(callId);
    assert.equal(session?.history.filter((entry) => entry.role === 'caller' && entry.text === 'yes I would').length, 1, "the caller's words are recorded once");
    chain.shutdown();
  });

  it('"stop calling me" in a conversational stage never goes to the LLM: the engine adds the number to the DNC list', async () => {
    const llm = new QueueStreamer([]);
    const { orchestrator } = await orchestratorWith(llm);
    await say(orchestrator, 'stop calling me');
    await waitFor(() => toolRequests().some((request) => request.toolName === 'add_to_dnc'), { timeoutMs: 3_000, description: 'add_to_dnc' });
    assert.equal(llm.requests.length, 0);
  });

  const answered = (orchestrator: DialogOrchestrator, answeredBy: AnsweredBy) =>
    orchestrator.onLifecycle({ callId, tenantId: TENANT, event: { case: 'answered', value: { answeredBy } } } as unknown as MessageOf<'call.lifecycle'>, key());
  const controls = () => published.filter((entry) => entry.topic === 'call.control').map((entry) => (entry.message as MessageInit<'call.control'>).action);

  it("a machine gets the flow's voicemail, naming no client, and the hang-up once it has played", async () => {
    const { orchestrator } = await orchestratorWith(undefined, 'voicemail');
    await answered(orchestrator, AnsweredBy.MACHINE);
    await waitFor(() => speaks().length === 1, { timeoutMs: 3_000, description: 'the voicemail' });
    const voicemail = speaks()[0];
    assert.match(voicemail?.text ?? '', /call back/);
    assert.ok(!(voicemail?.text ?? '').includes('Maria'), 'the voicemail names no client');
    assert.equal(controls().length, 0, 'the hang-up waits for the voicemail to play');
    await orchestrator.onPlayback({ callId, event: { case: 'segmentPlayed', value: { turnId: voicemail?.turnId, segmentIndex: 0, text: voicemail?.text } } } as unknown as MessageOf<'call.playback'>, key());
    await waitFor(() => controls().length === 1, { timeoutMs: 3_000, description: 'the hang-up' });
    const control = controls()[0];
    assert.equal(control?.case, 'hangUp');
    assert.equal(control?.case === 'hangUp' ? control.value.reason : '', 'answering-machine');
  });

  it("a campaign set to hang up on machines ends the call at once, saying nothing", async () => {
    const { orchestrator } = await orchestratorWith(undefined, 'hang-up');
    await answered(orchestrator, AnsweredBy.MACHINE);
    await waitFor(() => controls().length === 1, { timeoutMs: 3_000, description: 'the hang-up' });
    assert.equal(speaks().length, 0);
  });

  it('a machine detected before the call has started gets the voicemail as soon as it starts', async () => {
    const { orchestrator, sessions } = await orchestratorWith(undefined, 'voicemail');
    await sessions.delete(callId);
    await answered(orchestrator, AnsweredBy.MACHINE);
    assert.equal(speaks().length, 0, 'nothing to say yet: the call has not started');
    await orchestrator.onLifecycle(
      { callId, tenantId: TENANT, event: { case: 'started', value: { direction: CallDirection.OUTBOUND, fromNumber: '+15550880000', toNumber: '+15551230009', providerCallId: 'CA9', campaignId: '', attemptId: '', gatewayInstanceId: 'gw', clientId: CLIENT } } } as unknown as MessageOf<'call.lifecycle'>,
      key(),
    );
    await waitFor(() => speaks().some((speak) => /call back/.test(speak.text ?? '')), { timeoutMs: 3_000, description: 'the voicemail' });
  });

  it('a person answering changes nothing', async () => {
    const { orchestrator, sessions } = await orchestratorWith(undefined, 'voicemail');
    await answered(orchestrator, AnsweredBy.HUMAN);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(speaks().length + controls().length, 0);
    assert.equal((await sessions.load(callId))?.stage, 'PRESENT');
  });
});
