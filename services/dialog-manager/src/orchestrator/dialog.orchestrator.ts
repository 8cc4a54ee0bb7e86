import type { Bus } from '@va/bus';
import { AnsweredBy, CallDirection as WireCallDirection, type MessageOf } from '@va/contracts';
import type { Logger } from '@va/observability';
import { llmMayAnswer } from '../engine';
import type { EngineEvent, TurnEngine } from '../engine/turn-engine.contract';
import { resolveTenantFlow, type FlowDefinition } from '../flows';
import { isBackchannel, isBargeIn } from '../language';
import {
  cancelAgentTurn,
  createCallSession,
  factOf,
  hasProcessedEventId,
  isSessionConflict,
  markEventIdProcessed,
  recordCallerUtterance,
  recordSegmentHeard,
  rememberFacts,
  type CallDirection,
  type CallSession,
  type SessionStore,
} from '../session';
import type { CallInfo, CallInfoStore } from './call-info.store';
import { agentIsSpeaking, callKeyOf, planActions, type DeferredControl, type PlannedOutput } from './dialog-actions.plan';
import { CallTimers } from './call.timers';
import { LlmTurnRunner, DEFAULT_LLM_TURN_OPTIONS, type TurnStreamer } from './llm-turn.runner';
import { STAGE_HISTORY_START_FACT } from './stage-prompt.context';
import { localDate, type TenantDirectory, type TenantProfile } from './tenant.directory';
import type { VoicemailPolicyDirectory } from './voicemail-policy.directory';

export interface DialogOrchestratorDeps {
  readonly bus: Bus;
  readonly sessions: SessionStore;
  readonly callInfo: CallInfoStore;
  readonly tenants: Pick<TenantDirectory, 'profile'>;
  readonly engine: TurnEngine;
  readonly logger: Logger;
  readonly now: () => number;
  /** How long a tool may take before the engine hears `unavailable`. */
  readonly toolTimeoutMs: number;
  /** The LLM chain for conversational stages; absent: the engine answers every turn. */
  readonly llm?: TurnStreamer;
  /** A campaign's own answer to an answering machine; absent or undefined: the flow's. */
  readonly voicemailPolicy?: Pick<VoicemailPolicyDirectory, 'actionFor'>;
}

interface StepOptions {
  /** The caller's words are already in the history (an LLM turn that fell back to the engine). */
  readonly callerRecorded?: boolean;
}

const SAVE_ATTEMPTS = 5;
const EARLY_ANSWER_KEPT_MS = 60_000;

/**
 * A hang-up or transfer waiting for the agent's last words to be heard, kept in the session (not
 * in this instance's memory) so that an instance taking the call over still carries it out.
 */
const PENDING_CONTROL_FACT = 'orchestrator.pendingControl';

/**
 * Drives each call's conversation: turns Kafka events into engine events, runs the engine on the
 * session loaded from the store, saves the result with compare-and-set (a conflict with another
 * instance reloads and runs again), and only then publishes what the step said and asked for.
 * Each applied event is remembered in the session, so a redelivery after a takeover changes
 * nothing. Barge-in: caller words over a playing turn (not a backchannel) cancel it.
 */
export class DialogOrchestrator {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly timers: CallTimers;
  /** Flows resolved per cached tenant profile and direction: validated once, not on every event. */
  private readonly flows = new WeakMap<TenantProfile, Map<CallDirection, ReturnType<typeof resolveTenantFlow>>>();
  /** The call info of calls this instance has seen; read from the store only on a takeover. */
  private readonly infos = new Map<string, CallInfo>();
  /**
   * Answering-machine results that came before their call's start (detection can be quicker than
   * the media stream): applied once the call starts. Both are call.lifecycle events of one call,
   * so they reach the same instance; kept for a minute at most.
   */
  private readonly earlyAnswers = new Map<string, { answeredBy: AnsweredBy; eventKey: string }>();

  private readonly llm: LlmTurnRunner | undefined;

  constructor(private readonly deps: DialogOrchestratorDeps) {
    this.timers = new CallTimers();
    this.llm =
      deps.llm === undefined
        ? undefined
        : new LlmTurnRunner(
            deps.llm,
            {
              bus: deps.bus,
              logger: deps.logger,
              update: (callId, change) => this.update(callId, undefined, change),
              runEngine: (callId, event) => this.serial(callId, () => this.step(callId, event, undefined)),
              agentSpoke: (callId) => this.timers.clear(callId, 'silence'),
            },
            { ...DEFAULT_LLM_TURN_OPTIONS, toolTimeoutMs: deps.toolTimeoutMs },
          );
  }

  /** Runs `work` after the call's earlier work on this instance (per-call order across topics). */
  serial(callId: string, work: () => Promise<void>): Promise<void> {
    const next = (this.queues.get(callId) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(callId, settled);
    void settled.then(() => {
      if (this.queues.get(callId) === settled) this.queues.delete(callId);
    });
    return next;
  }

  async onLifecycle(event: MessageOf<'call.lifecycle'>, eventKey: string): Promise<void> {
    if (event.event.case === 'started') {
      const started = event.event.value;
      const direction: CallDirection = started.direction === WireCallDirection.OUTBOUND ? 'outbound' : 'inbound';
      const tenant = await this.deps.tenants.profile(event.tenantId);
      if (tenant === undefined) {
        this.deps.logger.warn('call of an unknown tenant; no conversation', { callId: event.callId });
        return;
      }
      const resolved = this.flowOf(tenant, direction);
      if (!resolved.ok) {
        this.deps.logger.warn('no flow for this tenant and direction', { callId: event.callId, direction, tenantKind: tenant.kind });
        return;
      }
      const remoteNumber = direction === 'outbound' ? started.toNumber : started.fromNumber;
      const info: CallInfo = { callId: event.callId, tenantId: event.tenantId, remoteNumber, clientId: started.clientId === '' ? null : started.clientId };
      await this.deps.callInfo.put(info);
      this.infos.set(info.callId, info);
      const session = createCallSession({ callId: event.callId, tenantId: event.tenantId, direction, flowId: resolved.flow.id, stage: resolved.flow.initialStage, nowMs: this.deps.now() });
      try {
        await this.deps.sessions.create(session);
      } catch (error) {
        if (!(error instanceof Error && error.name === 'SessionAlreadyExistsError')) throw error;
      }
      await this.step(event.callId, { kind: 'call-started' }, eventKey);
      const early = this.earlyAnswers.get(event.callId);
      this.earlyAnswers.delete(event.callId);
      if (early !== undefined) await this.onAnswered(event.callId, event.tenantId, early.answeredBy, early.eventKey);
    } else if (event.event.case === 'answered') {
      await this.onAnswered(event.callId, event.tenantId, event.event.value.answeredBy, eventKey);
    } else if (event.event.case === 'ended') {
      this.llm?.abort(event.callId);
      this.timers.clearAll(event.callId);
      await this.deps.sessions.delete(event.callId);
      await this.deps.callInfo.delete(event.callId);
      this.infos.delete(event.callId);
    }
  }

  /**
   * Answering-machine detection came back: a machine (or a fax) hears no more of the flow. What
   * is playing stops, then the voicemail (by the campaign's setting, else the flow's) and the end.
   */
  private async onAnswered(callId: string, tenantId: string, answeredBy: AnsweredBy, eventKey: string): Promise<void> {
    if (answeredBy !== AnsweredBy.MACHINE && answeredBy !== AnsweredBy.FAX) return;
    const session = await this.deps.sessions.load(callId);
    if (session === undefined) {
      this.earlyAnswers.set(callId, { answeredBy, eventKey });
      setTimeout(() => this.earlyAnswers.delete(callId), EARLY_ANSWER_KEPT_MS).unref();
      return;
    }
    if (hasProcessedEventId(session, eventKey)) return;
    const context = await this.contextOf(session);
    if (context === undefined) return;
    const campaignAction = answeredBy === AnsweredBy.FAX ? 'hang-up' : await this.deps.voicemailPolicy?.actionFor(tenantId, callId);
    const action = campaignAction ?? context.flow.handlers.answeringMachine.action;
    if (session.agentTurn !== null && agentIsSpeaking(session)) await this.cancelTurn(session, session.agentTurn.turnId);
    this.llm?.abort(callId);
    await this.step(callId, { kind: 'answering-machine', action }, eventKey);
  }

  async onTranscript(event: MessageOf<'call.transcript'>, eventKey: string): Promise<void> {
    this.timers.clear(event.callId, 'silence');
    if (event.event.case !== 'transcript') return;
    const { text, isFinal, speechFinal } = event.event.value;
    const session = await this.deps.sessions.load(event.callId);
    if (session === undefined || text.trim() === '') return;
    const speaking = agentIsSpeaking(session);
    if (speaking && isBargeIn(text) && session.agentTurn !== null) await this.cancelTurn(session, session.agentTurn.turnId);
    if (!isFinal || !speechFinal) return;
    if (speaking && isBackchannel(text)) return;
    // The caller's new turn supersedes an answer still being generated.
    this.llm?.abort(event.callId);
    if (await this.startLlmTurn(event.callId, text, eventKey)) return;
    await this.step(event.callId, { kind: 'caller-turn', text }, eventKey);
  }

  /**
   * A caller turn in a conversational stage goes to the LLM when one is configured: the words are
   * recorded and the event marked applied, then the turn runs outside the call's queue (a tool
   * result it waits for must not queue behind it). If no model answers before a word is said, the
   * engine answers the same words. False: the engine answers now.
   */
  private async startLlmTurn(callId: string, text: string, eventKey: string): Promise<boolean> {
    const llm = this.llm;
    if (llm === undefined) return false;
    const session = await this.deps.sessions.load(callId);
    if (session === undefined || hasProcessedEventId(session, eventKey)) return false;
    const context = await this.contextOf(session);
    if (context === undefined || !llmMayAnswer(session, context.flow, text)) return false;
    const recorded = await this.update(callId, eventKey, (current) => recordCallerUtterance(current, { turnId: `c${current.counters.turn}`, text }));
    if (recorded === undefined) return false;
    this.deps.logger.info('dialog step', { callId, event: 'caller-turn', stage: recorded.stage, answeredBy: 'llm' });
    void llm
      .run(recorded, context.flow, context.engine)
      .then((result) => (result === 'unavailable' ? this.serial(callId, () => this.step(callId, { kind: 'caller-turn', text }, undefined, { callerRecorded: true })) : undefined))
      .catch((error: unknown) => this.deps.logger.warn('llm turn failed', { callId, error }));
    return true;
  }

  async onPlayback(event: MessageOf<'call.playback'>, eventKey: string): Promise<void> {
    const updated = await this.update(event.callId, eventKey, (session) => {
      if (event.event.case === 'segmentPlayed') return recordSegmentHeard(session, event.event.value);
      if (event.event.case === 'playbackCleared') return cancelAgentTurn(session, event.event.value.turnId);
      return session;
    });
    if (updated === undefined || agentIsSpeaking(updated)) return;
    const pending = factOf(updated, PENDING_CONTROL_FACT);
    if (pending !== undefined) {
      // Whoever clears the fact sends the control, so it goes out once even with two instances.
      const cleared = await this.update(event.callId, undefined, (session) => rememberFacts(session, { [PENDING_CONTROL_FACT]: undefined }));
      if (cleared !== undefined && factOf(cleared, PENDING_CONTROL_FACT) === undefined) await this.deps.bus.publish('call.control', JSON.parse(pending) as DeferredControl);
      return;
    }
    // An LLM turn still generating (or waiting for a tool) is not silence on the line.
    if (event.event.case === 'segmentPlayed' && updated.agentTurn?.cancelled === false && this.llm?.isRunning(event.callId) !== true) this.armSilence(updated);
  }

  async onToolResult(event: MessageOf<'tool.result'>, eventKey: string): Promise<void> {
    const callKey = callKeyOf(event.callId, event.requestId);
    if (callKey === undefined) return;
    this.timers.clear(event.callId, `tool:${callKey}`);
    const outcome =
      event.outcome.case === 'resultJson'
        ? { ok: true as const, result: parseObject(event.outcome.value) }
        : { ok: false as const, code: event.outcome.value?.code ?? 'unavailable', message: event.outcome.value?.message ?? '', details: parseObject(event.outcome.value?.detailsJson ?? '{}') };
    if (this.llm?.waiters.settle(event.requestId, outcome) === true) return;
    await this.step(event.callId, { kind: 'tool-result', callKey, toolName: event.toolName, outcome }, eventKey);
  }

  async onControl(event: MessageOf<'call.control'>, eventKey: string): Promise<void> {
    if (event.action.case !== 'dtmfReceived') return;
    this.timers.clear(event.callId, 'silence');
    await this.step(event.callId, { kind: 'dtmf', digits: event.action.value.digit }, eventKey);
  }

  close(): void {
    this.timers.clearEverything();
    this.llm?.close();
  }

  /** One engine step: load, run, save (compare-and-set, retried on conflict), then publish. */
  private async step(callId: string, event: EngineEvent, eventKey: string | undefined, options: StepOptions = {}): Promise<void> {
    for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt += 1) {
      const session = await this.deps.sessions.load(callId);
      if (session === undefined) return;
      if (eventKey !== undefined && hasProcessedEventId(session, eventKey)) return;
      const context = await this.contextOf(session);
      if (context === undefined) return;
      const heard = event.kind === 'caller-turn' && options.callerRecorded !== true ? recordCallerUtterance(session, { turnId: `c${session.counters.turn}`, text: event.text }) : session;
      const result = this.deps.engine.step(heard, event, context.engine);
      const stepped = result.session.stage === heard.stage ? result.session : rememberFacts(result.session, { [STAGE_HISTORY_START_FACT]: String(heard.history.length) });
      const marked = eventKey === undefined ? stepped : markEventIdProcessed(stepped, eventKey);
      const plannedNow = planActions(marked, result.actions, { callId, tenantId: session.tenantId, voiceId: context.flow.agent.voiceId });
      const deferControl = plannedNow.control !== undefined && (plannedNow.speech.length > 0 || agentIsSpeaking(session));
      const planned = deferControl ? { ...plannedNow, session: rememberFacts(plannedNow.session, { [PENDING_CONTROL_FACT]: JSON.stringify(plannedNow.control) }) } : plannedNow;
      try {
        await this.deps.sessions.save(planned.session, session.version);
      } catch (error) {
        if (isSessionConflict(error)) continue;
        throw error;
      }
      await this.publish(callId, planned, deferControl);
      if (event.kind !== 'tool-result') this.deps.logger.info('dialog step', { callId, event: event.kind, stage: planned.session.stage });
      return;
    }
    this.deps.logger.warn('gave up on an event after repeated session conflicts', { callId, event: event.kind });
  }

  private async publish(callId: string, planned: PlannedOutput, controlDeferred: boolean): Promise<void> {
    if (planned.speech.length > 0) this.timers.clear(callId, 'silence');
    for (const message of planned.speech) await this.deps.bus.publish('call.speech', message);
    for (const request of planned.toolRequests) {
      await this.deps.bus.publish('tool.request', request);
      const requestId = request.requestId ?? '';
      const toolName = request.toolName ?? '';
      const callKey = callKeyOf(callId, requestId) ?? '';
      const timedOut: EngineEvent = { kind: 'tool-result', callKey, toolName, outcome: { ok: false, code: 'unavailable', message: 'the tool did not answer in time' } };
      this.timers.set(callId, `tool:${callKey}`, this.deps.toolTimeoutMs, () => void this.serial(callId, () => this.step(callId, timedOut, `tool-timeout:${requestId}`)));
    }
    if (planned.control !== undefined && !controlDeferred) await this.deps.bus.publish('call.control', planned.control);
  }

  private async cancelTurn(session: CallSession, turnId: string): Promise<void> {
    this.llm?.abort(session.callId);
    await this.update(session.callId, undefined, (current) => cancelAgentTurn(current, turnId));
    await this.deps.bus.publish('call.speech', { callId: session.callId, command: { case: 'cancel', value: { turnId, reason: 'caller barged in' } } });
  }

  /** A session change that runs no engine step (playback, barge-in), saved with compare-and-set. */
  private async update(callId: string, eventKey: string | undefined, change: (session: CallSession) => CallSession): Promise<CallSession | undefined> {
    for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt += 1) {
      const session = await this.deps.sessions.load(callId);
      if (session === undefined) return undefined;
      if (eventKey !== undefined && hasProcessedEventId(session, eventKey)) return session;
      const changed = change(session);
      const next = eventKey === undefined ? changed : markEventIdProcessed(changed, eventKey);
      if (next === session) return session;
      try {
        return await this.deps.sessions.save(next, session.version);
      } catch (error) {
        if (!isSessionConflict(error)) throw error;
      }
    }
    return undefined;
  }

  private armSilence(session: CallSession): void {
    void this.contextOf(session).then((context) => {
      if (context === undefined) return;
      this.timers.set(session.callId, 'silence', context.flow.handlers.silence.silenceMs, () =>
        void this.serial(session.callId, () => this.step(session.callId, { kind: 'silence' }, undefined)),
      );
    });
  }

  private flowOf(tenant: TenantProfile, direction: CallDirection): ReturnType<typeof resolveTenantFlow> {
    let byDirection = this.flows.get(tenant);
    if (byDirection === undefined) {
      byDirection = new Map();
      this.flows.set(tenant, byDirection);
    }
    let resolved = byDirection.get(direction);
    if (resolved === undefined) {
      resolved = resolveTenantFlow({ direction, tenantKind: tenant.kind, tenantSettings: tenant.settings });
      byDirection.set(direction, resolved);
    }
    return resolved;
  }

  private async infoOf(callId: string): Promise<CallInfo | undefined> {
    const known = this.infos.get(callId);
    if (known !== undefined) return known;
    const stored = await this.deps.callInfo.get(callId);
    if (stored !== undefined) this.infos.set(callId, stored);
    return stored;
  }

  private async contextOf(session: CallSession): Promise<{ flow: FlowDefinition; engine: Parameters<TurnEngine['step']>[2] } | undefined> {
    const [tenant, info] = await Promise.all([this.deps.tenants.profile(session.tenantId), this.infoOf(session.callId)]);
    if (tenant === undefined || info === undefined) return undefined;
    const resolved = this.flowOf(tenant, session.direction);
    if (!resolved.ok) return undefined;
    const nowMs = this.deps.now();
    return {
      flow: resolved.flow,
      engine: {
        flow: resolved.flow,
        tenantName: tenant.name,
        today: localDate(nowMs, tenant.timeZone),
        nowMs,
        remoteNumber: info.remoteNumber,
        ...(info.clientId === null ? {} : { clientId: info.clientId }),
      },
    };
  }
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json === '' ? '{}' : json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
