import type { Bus } from '@va/bus';
import type { MessageInit } from '@va/contracts';
import type { Logger } from '@va/observability';
import { ChainExhaustedError } from '@va/resilience';
import type { EngineEvent, EngineContext } from '../engine';
import type { FlowDefinition, StageDefinition } from '../flows';
import type { ChatMessage, ChatTurnRequest, ModelEvent, ToolCallRequest } from '../llm';
import { FINISH_STAGE_TOOL, finishStageSpec, readFinishStage } from '../llm/finish-stage.tool';
import { segmentSpeech } from '../llm/speech-segmenter';
import { buildStagePrompt } from '../llm/stage-prompt.builder';
import { offeredToolsOf, type OfferedTool } from '../llm/tool-specs.catalog';
import { recordSegmentSent, startAgentTurn, type CallSession } from '../session';
import { toolRequestId } from './dialog-actions.plan';
import { stageConversation, stagePromptFacts } from './stage-prompt.context';
import { ToolResultWaiters, type ToolAnswer } from './tool-result.waiters';

/** A chat model chain as the runner uses it (ChatModelChain). */
export interface TurnStreamer {
  streamTurn(request: ChatTurnRequest, signal: AbortSignal): AsyncIterable<ModelEvent>;
  /** Releases breakers and timers at shutdown. */
  shutdown?(): void;
}

/** What the runner needs from the orchestrator: session changes, the engine, and the bus. */
export interface LlmTurnHost {
  readonly bus: Bus;
  readonly logger: Logger;
  /** A compare-and-set session change (retried on conflict); undefined when the call is gone. */
  update(callId: string, change: (session: CallSession) => CallSession): Promise<CallSession | undefined>;
  /** An engine step for this call, in the call's order with its other events. */
  runEngine(callId: string, event: EngineEvent): Promise<void>;
  /** Forgets the silence timer: the agent is speaking. */
  agentSpoke(callId: string): void;
}

export interface LlmTurnOptions {
  readonly toolTimeoutMs: number;
  /** Tool rounds in one turn before the answer must be given. */
  readonly maxToolRounds: number;
  readonly minClauseChars: number;
  readonly firstClauseChars: number;
}

export const DEFAULT_LLM_TURN_OPTIONS: LlmTurnOptions = { toolTimeoutMs: 8_000, maxToolRounds: 3, minClauseChars: 24, firstClauseChars: 8 };

/** How a turn went: answered by the model, or the models were unavailable before a word was said. */
export type LlmTurnResult = 'answered' | 'unavailable';

interface TurnSpeech {
  turnId: string | undefined;
  segments: number;
  closed: boolean;
}

/**
 * One caller turn answered by the LLM in a conversational stage. The prompt carries the stage's
 * goal, its prompt fields and the conversation since the stage began; the model is offered the
 * stage's tools and `finish_stage`. Clauses are spoken as they stream; tool calls go to
 * tool.request (idempotency key from the call and turn) and the answer continues with their
 * results; `finish_stage` hands the flow back to the engine with the outcome. When every model
 * fails before a word is said the turn is `unavailable` and the engine answers it instead.
 * A turn in flight is aborted by the call's next caller turn, a barge-in or the call's end.
 */
export class LlmTurnRunner {
  private readonly active = new Map<string, AbortController>();
  readonly waiters = new ToolResultWaiters();

  constructor(
    private readonly streamer: TurnStreamer,
    private readonly host: LlmTurnHost,
    private readonly options: LlmTurnOptions = DEFAULT_LLM_TURN_OPTIONS,
  ) {}

  /** Stops the call's turn in flight, if any (its spoken part stays as heard). */
  abort(callId: string): void {
    this.active.get(callId)?.abort();
    this.active.delete(callId);
  }

  isRunning(callId: string): boolean {
    return this.active.has(callId);
  }

  /** Stops every turn in flight (shutdown). */
  close(): void {
    for (const callId of [...this.active.keys()]) this.abort(callId);
    this.waiters.clear();
    this.streamer.shutdown?.();
  }

  async run(session: CallSession, flow: FlowDefinition, context: EngineContext): Promise<LlmTurnResult> {
    const stage = flow.stages[session.stage];
    if (stage === undefined) return 'unavailable';
    const callId = session.callId;
    this.abort(callId);
    const controller = new AbortController();
    this.active.set(callId, controller);
    const speech: TurnSpeech = { turnId: undefined, segments: 0, closed: false };
    try {
      return await this.converse(session, flow, stage, context, controller.signal, speech);
    } catch (error) {
      if (controller.signal.aborted) return 'answered';
      if (error instanceof ChainExhaustedError && speech.segments === 0) {
        this.host.logger.warn('no LLM answered; the flow engine answers the turn', { callId, stage: session.stage, error });
        return 'unavailable';
      }
      throw error;
    } finally {
      if (this.active.get(callId) === controller) this.active.delete(callId);
      if (!controller.signal.aborted) await this.closeTurn(session, flow, speech);
    }
  }

  private async converse(session: CallSession, flow: FlowDefinition, stage: StageDefinition, context: EngineContext, signal: AbortSignal, speech: TurnSpeech): Promise<LlmTurnResult> {
    const offered = offeredToolsOf(stage.allowedTools);
    const tools = [...offered.map((tool) => tool.spec), finishStageSpec(stage)];
    const prompt = buildStagePrompt({
      agentName: flow.agent.name,
      tenantName: context.tenantName,
      stage,
      facts: stagePromptFacts(session, flow, { remoteNumber: context.remoteNumber }),
      conversation: stageConversation(session, flow, context.today),
      tools,
    });
    let messages: readonly ChatMessage[] = prompt.messages;
    for (let round = 0; round <= this.options.maxToolRounds; round += 1) {
      const { text, calls } = await this.streamOnce({ messages, tools: round < this.options.maxToolRounds ? tools : [finishStageSpec(stage)] }, session, flow, signal, speech);
      if (signal.aborted) return 'answered';
      const finish = calls.find((call) => call.name === FINISH_STAGE_TOOL);
      if (finish !== undefined) {
        const finished = readFinishStage(finish, stage);
        if (finished !== undefined) {
          await this.closeTurn(session, flow, speech);
          await this.host.runEngine(session.callId, { kind: 'stage-outcome', outcome: finished.outcome, values: finished.values });
          return 'answered';
        }
      }
      if (calls.length === 0) return 'answered';
      const results = await Promise.all(calls.map((call) => this.answerToolCall(call, offered, session, context, round)));
      messages = [...messages, { role: 'assistant', ...(text === '' ? {} : { content: text }), toolCalls: calls }, ...results];
    }
    return 'answered';
  }

  private async streamOnce(request: ChatTurnRequest, session: CallSession, flow: FlowDefinition, signal: AbortSignal, speech: TurnSpeech): Promise<{ text: string; calls: ToolCallRequest[] }> {
    const calls: ToolCallRequest[] = [];
    const said: string[] = [];
    const events = segmentSpeech(this.streamer.streamTurn(request, signal), { minChars: this.options.minClauseChars, firstMinChars: this.options.firstClauseChars });
    for await (const event of events) {
      if (signal.aborted) break;
      if (event.kind === 'segment') {
        said.push(event.text);
        await this.say(session, flow, event.text, false, speech);
      } else if (event.kind === 'tool-call') {
        calls.push({ id: event.id, name: event.name, argumentsJson: event.argumentsJson });
      }
    }
    return { text: said.join(' '), calls };
  }

  /** A tool call the stage offers goes to tool.request; anything else is answered as not offered, so the model can go on. */
  private async answerToolCall(call: ToolCallRequest, offered: readonly OfferedTool[], session: CallSession, context: EngineContext, round: number): Promise<ChatMessage> {
    const tool = offered.find((each) => each.spec.name === call.name);
    const reply = (content: unknown): ChatMessage => ({ role: 'tool', toolCallId: call.id, content: JSON.stringify(content) });
    if (tool === undefined) return reply({ error: 'not_offered', message: `${call.name} is not available in this step` });
    let args: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(call.argumentsJson === '' ? '{}' : call.argumentsJson);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return reply({ error: 'invalid_arguments', message: 'arguments must be a JSON object' });
      args = { ...(parsed as Record<string, unknown>) };
    } catch {
      return reply({ error: 'invalid_arguments', message: 'arguments are not valid JSON' });
    }
    for (const bound of tool.boundArguments) {
      if (bound === 'clientId' && context.clientId !== undefined) args[bound] = context.clientId;
    }
    const callKey = `llm-${session.counters.turn + 1}-${round}-${call.id}`.slice(0, 120);
    const requestId = toolRequestId(session.callId, callKey);
    const answer = this.waiters.wait(requestId, this.options.toolTimeoutMs);
    const request: MessageInit<'tool.request'> = {
      callId: session.callId,
      tenantId: session.tenantId,
      requestId,
      toolName: call.name,
      argumentsJson: JSON.stringify(args),
      idempotencyKey: requestId,
      turnId: `t${session.counters.turn + 1}`,
    };
    await this.host.bus.publish('tool.request', request);
    return reply(toolAnswerContent(await answer));
  }

  private async say(session: CallSession, flow: FlowDefinition, text: string, lastInTurn: boolean, speech: TurnSpeech): Promise<void> {
    const segmentIndex = speech.segments;
    const updated = await this.host.update(session.callId, (current) => {
      const turnId = speech.turnId ?? `t${current.counters.turn + 1}`;
      return recordSegmentSent(startAgentTurn(current, turnId), turnId, segmentIndex);
    });
    const turnId = speech.turnId ?? updated?.agentTurn?.turnId;
    if (updated === undefined || turnId === undefined) return;
    speech.turnId = turnId;
    speech.segments += 1;
    this.host.agentSpoke(session.callId);
    await this.host.bus.publish('call.speech', { callId: session.callId, command: { case: 'speak', value: { turnId, segmentIndex, text, lastInTurn, voiceId: flow.agent.voiceId } } });
  }

  /** Ends the turn's speech with an empty last segment, so playback reports the turn as heard. Once per turn. */
  private async closeTurn(session: CallSession, flow: FlowDefinition, speech: TurnSpeech): Promise<void> {
    if (speech.turnId === undefined || speech.closed) return;
    speech.closed = true;
    await this.say(session, flow, '', true, speech);
  }
}

function toolAnswerContent(answer: ToolAnswer): unknown {
  return answer.ok ? answer.result : { error: answer.code, message: answer.message };
}
