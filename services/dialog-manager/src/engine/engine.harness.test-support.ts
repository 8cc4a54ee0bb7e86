import type { FlowDefinition } from '../flows';
import { createCallSession, type CallSession } from '../session';
import { DeterministicEngine } from './deterministic.engine';
import type { EngineAction, EngineContext, EngineEvent, HangUpReason, ToolOutcomeView } from './turn-engine.contract';

/** A canned tool: answers from its arguments, or leaves the request unanswered (undefined). */
export type CannedTool = (args: Readonly<Record<string, unknown>>) => ToolOutcomeView | undefined;

export interface ToolCallRecord {
  readonly callKey: string;
  readonly toolName: string;
  readonly args: Readonly<Record<string, unknown>>;
}

export const CLIENT_ID = '22222222-2222-4222-8222-222222222222';
export const BROKER_ID = '33333333-3333-4333-8333-333333333333';
export const REMOTE_NUMBER = '+15551234567';
export const TODAY = '2025-06-01';
export const NOW_MS = Date.parse('2025-06-01T15:00:00Z');

export const ok = (result: Record<string, unknown>): ToolOutcomeView => ({ ok: true, result });
export const failed = (code: string, details?: Record<string, unknown>): ToolOutcomeView => ({
  ok: false,
  code,
  message: `${code} (canned)`,
  ...(details === undefined ? {} : { details }),
});

/**
 * Plays a conversation through the engine: each event's actions are recorded, and every
 * `call-tool` is answered at once from the canned tools (as the orchestrator would, later).
 */
export class ConversationHarness {
  private readonly engine = new DeterministicEngine();
  private readonly context: EngineContext;
  session: CallSession;
  readonly actions: EngineAction[] = [];

  constructor(
    flow: FlowDefinition,
    private readonly tools: Readonly<Record<string, CannedTool>>,
    context: Partial<EngineContext> = {},
  ) {
    this.context = { flow, tenantName: 'Bright Insurance', today: TODAY, nowMs: NOW_MS, remoteNumber: REMOTE_NUMBER, ...context };
    this.session = createCallSession({ callId: 'call-1', tenantId: 'tenant-1', direction: flow.direction, flowId: flow.id, stage: flow.initialStage, nowMs: NOW_MS });
  }

  /** Feeds one event (and the canned answers to the tools it asks for); returns the actions it caused. */
  play(event: EngineEvent): EngineAction[] {
    const start = this.actions.length;
    const queue: EngineEvent[] = [event];
    while (queue.length > 0) {
      const next = queue.shift() as EngineEvent;
      const step = this.engine.step(this.session, next, this.context);
      this.session = step.session;
      this.actions.push(...step.actions);
      for (const action of step.actions) {
        if (action.kind !== 'call-tool') continue;
        const outcome = this.tools[action.toolName]?.(action.args);
        if (outcome !== undefined) queue.push({ kind: 'tool-result', callKey: action.callKey, toolName: action.toolName, outcome });
      }
    }
    return this.actions.slice(start);
  }

  start(): string[] {
    return said(this.play({ kind: 'call-started' }));
  }

  caller(text: string): string[] {
    return said(this.play({ kind: 'caller-turn', text }));
  }

  silence(): string[] {
    return said(this.play({ kind: 'silence' }));
  }

  keys(digits: string): string[] {
    return said(this.play({ kind: 'dtmf', digits }));
  }

  /** Plays caller turns in order; returns everything said in reply. */
  callerSays(...texts: string[]): string[] {
    return texts.flatMap((text) => this.caller(text));
  }

  get toolCalls(): ToolCallRecord[] {
    return this.actions.flatMap((action) => (action.kind === 'call-tool' ? [{ callKey: action.callKey, toolName: action.toolName, args: action.args }] : []));
  }

  toolCallsOf(toolName: string): ToolCallRecord[] {
    return this.toolCalls.filter((call) => call.toolName === toolName);
  }

  get hangUp(): HangUpReason | undefined {
    const action = this.actions.find((candidate) => candidate.kind === 'hang-up');
    return action?.kind === 'hang-up' ? action.reason : undefined;
  }

  get transferTarget(): string | undefined {
    const action = this.actions.find((candidate) => candidate.kind === 'transfer');
    return action?.kind === 'transfer' ? action.target : undefined;
  }

  get said(): string[] {
    return said(this.actions);
  }
}

export function said(actions: readonly EngineAction[]): string[] {
  return actions.flatMap((action) => (action.kind === 'say' ? [action.text] : []));
}
