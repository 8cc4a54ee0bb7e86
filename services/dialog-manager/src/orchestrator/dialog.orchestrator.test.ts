import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import type { Bus } from '@va/bus';
import { CallDirection, type MessageInit, type MessageOf } from '@va/contracts';
import { createLogger } from '@va/observability';
import { waitFor } from '@va/testing';
import type { EngineAction, EngineContext, EngineEvent, TurnEngine } from '../engine/turn-engine.contract';
import { MemorySessionStore, type CallSession } from '../session';
import { MemoryCallInfoStore } from './call-info.store';
import { DialogOrchestrator } from './dialog.orchestrator';
import { observedDialogBus, type Published } from './dialog-output.test-support';

/** An engine that records what it was fed and answers each event kind with scripted actions. */
class ScriptedEngine implements TurnEngine {
  readonly events: { event: EngineEvent; context: EngineContext; stage: string }[] = [];
  readonly replies = new Map<string, EngineAction[]>();

  step(session: CallSession, event: EngineEvent, context: EngineContext) {
    this.events.push({ event, context, stage: session.stage });
    const key = event.kind === 'caller-turn' ? `caller-turn:${event.text}` : event.kind;
    return { session, actions: this.replies.get(key) ?? [] };
  }
}

const quiet = createLogger({ service: 'dialog-test', level: 'error' });
const TENANT = '00000000-0000-4000-8000-000000000001';
const tenants = { profile: async () => ({ tenantId: TENANT, name: 'Riverside Family Clinic', kind: 'clinic' as const, timeZone: 'America/Chicago', settings: { flow: { agentName: 'Riley' } } }) };

describe('DialogOrchestrator (in-memory bus, memory stores, a scripted engine)', () => {
  let bus: Bus;
  let engine: ScriptedEngine;
  let sessions: MemorySessionStore;
  let orchestrator: DialogOrchestrator;
  let published: Published[];
  let callId: string;
  let offset = 0;
  const buses: Bus[] = [];

  beforeEach(async () => {
    ({ bus, published } = await observedDialogBus(quiet));
    buses.push(bus);
    engine = new ScriptedEngine();
    sessions = new MemorySessionStore();
    orchestrator = new DialogOrchestrator({ bus, sessions, callInfo: new MemoryCallInfoStore(), tenants, engine, logger: quiet, now: () => Date.parse('2026-11-30T15:00:00Z'), toolTimeoutMs: 200 });
    callId = `call_${Math.random().toString(36).slice(2)}`;
  });

  after(async () => {
    await Promise.all(buses.map((each) => each.close()));
  });

  const key = () => `test:0:${(offset += 1)}`;
  const start = () =>
    orchestrator.onLifecycle(
      { callId, tenantId: TENANT, event: { case: 'started', value: { direction: CallDirection.INBOUND, fromNumber: '+15551230001', toNumber: '+15550880000', providerCallId: 'CA1', campaignId: '', attemptId: '', gatewayInstanceId: 'gw', clientId: '' } } } as unknown as MessageOf<'call.lifecycle'>,
      key(),
    );
  const transcript = (text: string, final: boolean) =>
    orchestrator.onTranscript({ callId, provider: 'deepgram', event: { case: 'transcript', value: { text, isFinal: final, speechFinal: final } } } as unknown as MessageOf<'call.transcript'>, key());
  const played = (turnId: string, segmentIndex: number, text: string) =>
    orchestrator.onPlayback({ callId, event: { case: 'segmentPlayed', value: { turnId, segmentIndex, text } } } as unknown as MessageOf<'call.playback'>, key());
  const speech = () => published.filter((entry) => entry.topic === 'call.speech').map((entry) => (entry.message as MessageInit<'call.speech'>).command);

  it('greets on call start: the engine gets the tenant, flow and caller number; its lines become one turn of ordered segments', async () => {
    engine.replies.set('call-started', [{ kind: 'say', text: 'Thanks for calling Riverside.' }, { kind: 'say', text: 'How can I help?' }]);
    await start();
    await waitFor(() => speech().length === 2, { timeoutMs: 2_000, description: 'two segments' });
    const first = engine.events[0];
    assert.equal(first?.event.kind, 'call-started');
    assert.equal(first?.context.tenantName, 'Riverside Family Clinic');
    assert.equal(first?.context.remoteNumber, '+15551230001');
    assert.equal(first?.context.today, '2026-11-30');
    assert.equal(first?.context.flow.agent.name, 'Riley', 'the tenant override is applied');
    assert.deepEqual(
      speech().map((command) => (command?.case === 'speak' ? [command.value.turnId, command.value.segmentIndex, command.value.lastInTurn, command.value.text] : [])),
      [['t1', 0, false, 'Thanks for calling Riverside.'], ['t1', 1, true, 'How can I help?']],
    );
  });

  it('feeds a final transcript as a caller turn once, even when the same event is delivered twice', async () => {
    await start();
    const event = { callId, provider: 'deepgram', event: { case: 'transcript', value: { text: 'What are your hours?', isFinal: true, speechFinal: true } } } as unknown as MessageOf<'call.transcript'>;
    await orchestrator.onTranscript(event, 'call.transcript:3:42');
    await orchestrator.onTranscript(event, 'call.transcript:3:42');
    assert.deepEqual(engine.events.filter((entry) => entry.event.kind === 'caller-turn').map((entry) => entry.event), [{ kind: 'caller-turn', text: 'What are your hours?' }]);
  });

  it('barge-in: a backchannel over agent speech neither cancels nor takes a turn; real words cancel the playing turn', async () => {
    engine.replies.set('call-started', [{ kind: 'say', text: 'Our hours are long.' }, { kind: 'say', text: 'Very long indeed.' }]);
    await start();
    await transcript('uh-huh', false);
    await transcript('uh-huh', true);
    assert.equal(engine.events.filter((entry) => entry.event.kind === 'caller-turn').length, 0, 'a backchannel is not a turn');
    assert.equal(speech().filter((command) => command?.case === 'cancel').length, 0);
    await transcript('wait, I have a question', false);
    await waitFor(() => speech().some((command) => command?.case === 'cancel'), { timeoutMs: 2_000, description: 'a cancel' });
    const cancel = speech().find((command) => command?.case === 'cancel');
    assert.equal(cancel?.case === 'cancel' ? cancel.value.turnId : '', 't1');
    assert.equal((await sessions.load(callId))?.agentTurn?.cancelled, true);
  });

  it('sends tool calls with an idempotency key from the call and answers the engine with the result; a silent tool times out as unavailable', async () => {
    engine.replies.set('caller-turn:book me in', [{ kind: 'say', text: 'One moment.' }, { kind: 'call-tool', callKey: '1-0', toolName: 'lookup_faq', args: { question: 'hours' } }]);
    await start();
    await transcript('book me in', true);
    await waitFor(() => published.some((entry) => entry.topic === 'tool.request'), { timeoutMs: 2_000, description: 'a tool request' });
    const request = published.find((entry) => entry.topic === 'tool.request')?.message as MessageInit<'tool.request'>;
    assert.equal(request.requestId, `${callId}:1-0`);
    assert.equal(request.idempotencyKey, `${callId}:1-0`);
    assert.deepEqual(JSON.parse(request.argumentsJson ?? ''), { question: 'hours' });
    await waitFor(() => engine.events.some((entry) => entry.event.kind === 'tool-result'), { timeoutMs: 2_000, description: 'the time-out' });
    const timedOut = engine.events.find((entry) => entry.event.kind === 'tool-result')?.event;
    assert.deepEqual(timedOut, { kind: 'tool-result', callKey: '1-0', toolName: 'lookup_faq', outcome: { ok: false, code: 'unavailable', message: 'the tool did not answer in time' } });

    await orchestrator.onToolResult({ callId, requestId: `${callId}:2-0`, toolName: 'lookup_faq', outcome: { case: 'resultJson', value: '{"answer":"9 to 5"}' } } as unknown as MessageOf<'tool.result'>, key());
    const answered = engine.events.filter((entry) => entry.event.kind === 'tool-result').at(-1)?.event;
    assert.deepEqual(answered, { kind: 'tool-result', callKey: '2-0', toolName: 'lookup_faq', outcome: { ok: true, result: { answer: '9 to 5' } } });
  });

  it('hangs up only once the goodbye has been heard to the end', async () => {
    engine.replies.set('caller-turn:bye', [{ kind: 'say', text: 'Goodbye!' }, { kind: 'hang-up', reason: 'completed' }]);
    await start();
    await transcript('bye', true);
    await waitFor(() => speech().length === 1, { timeoutMs: 2_000, description: 'the goodbye' });
    assert.equal(published.filter((entry) => entry.topic === 'call.control').length, 0, 'not before it played');
    await played('t1', 0, 'Goodbye!');
    await waitFor(() => published.some((entry) => entry.topic === 'call.control'), { timeoutMs: 2_000, description: 'the hang-up' });
    const control = published.find((entry) => entry.topic === 'call.control')?.message as MessageInit<'call.control'>;
    assert.equal(control.action?.case, 'hangUp');
    assert.deepEqual((await sessions.load(callId))?.history.at(-1), { role: 'agent', text: 'Goodbye!', turnId: 't1' }, 'what was heard joins the history');
  });

  it('a hang-up pending on the goodbye is carried out by another instance when that one hears the playback (it lives in the session)', async () => {
    const callInfo = new MemoryCallInfoStore();
    const first = new DialogOrchestrator({ bus, sessions, callInfo, tenants, engine, logger: quiet, now: Date.now, toolTimeoutMs: 200 });
    const second = new DialogOrchestrator({ bus, sessions, callInfo, tenants, engine, logger: quiet, now: Date.now, toolTimeoutMs: 200 });
    engine.replies.set('caller-turn:bye', [{ kind: 'say', text: 'Goodbye!' }, { kind: 'hang-up', reason: 'completed' }]);
    orchestrator = first;
    await start();
    await transcript('bye', true);
    orchestrator = second;
    await played('t1', 0, 'Goodbye!');
    await played('t1', 0, 'Goodbye!');
    await waitFor(() => published.some((entry) => entry.topic === 'call.control'), { timeoutMs: 2_000, description: 'the hang-up' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(published.filter((entry) => entry.topic === 'call.control').length, 1, 'sent once');
    first.close();
    second.close();
  });

  it('after the agent finishes, silence for the flow window reaches the engine as a silence event', async () => {
    engine.replies.set('call-started', [{ kind: 'say', text: 'Hello?' }]);
    const fast = new DialogOrchestrator({
      bus,
      sessions,
      callInfo: new MemoryCallInfoStore(),
      tenants: { profile: async () => ({ ...(await tenants.profile()), settings: {} }) },
      engine,
      logger: quiet,
      now: Date.now,
      toolTimeoutMs: 200,
    });
    orchestrator = fast;
    await start();
    await played('t1', 0, 'Hello?');
    const silenceMs = engine.events[0]?.context.flow.handlers.silence.silenceMs ?? 0;
    assert.ok(silenceMs > 0);
    await waitFor(() => engine.events.some((entry) => entry.event.kind === 'silence'), { timeoutMs: silenceMs + 2_000, description: 'a silence event' });
    fast.close();
  });
});
