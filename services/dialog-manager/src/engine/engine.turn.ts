import { renderStageLine, renderTemplate, type StageDefinition, type StageLine, type TemplateValues } from '../flows';
import {
  addPendingToolCall,
  factOf,
  forgetFactsWithPrefix,
  rememberFacts,
  type CallSession,
} from '../session';
import type { AwaitPurpose } from './await.purposes';
import { FACT, STAGE_FACT_PREFIX } from './engine-fact.names';
import { EngineTemplateError } from './engine-template.error';
import { slotTimeValues } from './slot-time.values';
import type { EngineAction, EngineContext, EngineStep, HangUpReason } from './turn-engine.contract';

/**
 * One step of the engine under construction: the session as it changes and the actions so far.
 * It lives for one `step` call only, so the engine stays a pure function of its inputs.
 */
export class EngineTurn {
  private current: CallSession;
  private readonly actions: EngineAction[] = [];

  constructor(
    session: CallSession,
    readonly context: EngineContext,
  ) {
    this.current = session;
  }

  get session(): CallSession {
    return this.current;
  }

  get stageId(): string {
    return this.current.stage;
  }

  get stage(): StageDefinition {
    const stage = this.context.flow.stages[this.current.stage];
    if (stage === undefined) throw new Error(`flow ${this.context.flow.id} has no stage ${this.current.stage}`);
    return stage;
  }

  get ended(): boolean {
    return this.fact(FACT.callEnded) !== undefined;
  }

  /** The client this call is about: the one called (outbound) or the one identified (inbound). */
  get clientId(): string | undefined {
    return this.context.clientId ?? this.fact(FACT.clientId);
  }

  fact(name: string): string | undefined {
    return factOf(this.current, name);
  }

  remember(changes: Readonly<Record<string, string | undefined>>): void {
    this.current = rememberFacts(this.current, changes);
  }

  update(change: (session: CallSession) => CallSession): void {
    this.current = change(this.current);
  }

  /** Moves to a stage (without saying anything) and drops the previous stage's facts. */
  moveTo(stageId: string): void {
    this.current = forgetFactsWithPrefix({ ...this.current, stage: stageId }, STAGE_FACT_PREFIX);
  }

  say(text: string): void {
    this.actions.push({ kind: 'say', text });
  }

  /** The values stage and engine templates draw on: tenant, agent, and what the engine learned. */
  templateValues(extra: TemplateValues = {}): TemplateValues {
    return {
      tenantName: this.context.tenantName,
      clientFirstName: this.fact(FACT.clientFirstName),
      brokerName: this.fact(FACT.brokerName),
      productName: this.fact(FACT.productName),
      coverageGap: this.fact(FACT.coverageGap),
      priceRange: this.fact(FACT.priceRange),
      ...slotTimeValues(this.current),
      ...extra,
    };
  }

  sayStageLine(line: StageLine, extra: TemplateValues = {}): void {
    const rendered = renderStageLine(this.context.flow, this.current.stage, line, this.templateValues(extra));
    if (!rendered.ok) throw new EngineTemplateError(this.current.stage, rendered.missing);
    this.say(rendered.text);
  }

  /** An engine phrase or a handler's line; agentName defaults to the flow's agent. */
  sayTemplate(template: string, extra: TemplateValues = {}): void {
    const rendered = renderTemplate(template, { agentName: this.context.flow.agent.name, ...this.templateValues(extra) });
    if (!rendered.ok) throw new EngineTemplateError(this.current.stage, rendered.missing);
    this.say(rendered.text);
  }

  /**
   * Asks for a tool and records the request as pending. With a purpose, the engine waits for
   * the result and goes on with that purpose's step; without one, the result only clears it.
   */
  callTool(toolName: string, args: Readonly<Record<string, unknown>>, purpose?: AwaitPurpose): string {
    const seq = Number(this.fact(FACT.toolCallSeq) ?? '0');
    const callKey = `${this.current.counters.turn}-${seq}`;
    this.current = addPendingToolCall(this.current, callKey, {
      toolName,
      idempotencyKey: `${this.current.callId}:${callKey}`,
      requestedAtMs: this.context.nowMs,
    });
    this.remember({ [FACT.toolCallSeq]: String(seq + 1) });
    if (purpose !== undefined) this.remember({ [FACT.awaitingCallKey]: callKey, [FACT.awaitingPurpose]: purpose });
    this.actions.push({ kind: 'call-tool', callKey, toolName, args });
    return callKey;
  }

  transfer(target: string): void {
    this.remember({ [FACT.callEnded]: 'transfer' });
    this.actions.push({ kind: 'transfer', target });
  }

  hangUp(reason: HangUpReason): void {
    this.remember({ [FACT.callEnded]: reason });
    this.actions.push({ kind: 'hang-up', reason });
  }

  finish(): EngineStep {
    return { session: this.current, actions: [...this.actions] };
  }
}
