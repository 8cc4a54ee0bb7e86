import { FailoverChain, ProviderFailure, type BreakerOptions, type BreakerState } from '@va/resilience';
import type { Registry } from 'prom-client';
import type { ChatModel, ChatTurnRequest, ModelEvent } from './chat.model';
import { nextItem } from './model-event.wait';

/** A model event and the model that produced it. */
export type ChainedModelEvent = ModelEvent & { readonly model: string };

export interface ChatModelChainOptions {
  readonly registry: Registry;
  /** Time from request to the first event (token or tool call) before a model counts as failed. */
  readonly firstTokenBudgetMs: number;
  /** Longest pause between later events before the stream counts as broken. */
  readonly stallTimeoutMs?: number;
  readonly breaker?: BreakerOptions;
}

/** A stalled stream mid-turn is given up after this long when the options do not say. */
export const DEFAULT_LLM_STALL_TIMEOUT_MS = 10_000;

interface OpenStream {
  readonly name: string;
  readonly iterator: AsyncIterator<ModelEvent>;
  readonly first: ModelEvent;
  /** Ends this model's request alone (a stall, or the consumer leaving early). */
  readonly stop: AbortController;
}

const CANCELLED: unique symbol = Symbol('cancelled');

/**
 * The LLM providers in order (primary first), each behind its breaker (kind `llm`). A turn goes
 * to the first model that yields an event within the first-token budget; errors, timeouts and
 * silence before that trip the model's breaker and move on to the next. Once a model has spoken
 * it keeps the turn: a later failure or stall ends the turn with what was produced (finish
 * reason `interrupted`, counted against that model's breaker) instead of starting over on
 * another model and repeating words the caller may have heard. When every model fails,
 * `streamTurn` throws ChainExhaustedError. Aborting the signal ends the turn quietly.
 */
export class ChatModelChain {
  private readonly chain: FailoverChain<ChatModel>;
  private readonly stallTimeoutMs: number;

  constructor(models: readonly ChatModel[], options: ChatModelChainOptions) {
    const names = models.map((model) => model.name);
    if (new Set(names).size !== names.length) throw new Error('llm chain model names must be unique');
    this.stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_LLM_STALL_TIMEOUT_MS;
    this.chain = new FailoverChain(
      models.map((model) => ({ name: model.name, provider: model })),
      {
        kind: 'llm',
        registry: options.registry,
        budgetMs: options.firstTokenBudgetMs,
        ...(options.breaker === undefined ? {} : { breaker: options.breaker }),
      },
    );
  }

  /** The models' names, primary first. */
  get names(): readonly string[] {
    return this.chain.names;
  }

  breakerState(name: string): BreakerState {
    return this.chain.breakerOf(name).state;
  }

  async *streamTurn(request: ChatTurnRequest, signal: AbortSignal): AsyncGenerator<ChainedModelEvent> {
    const opened = await this.open(request, signal);
    if (opened === CANCELLED) return;
    const { name, iterator, first, stop } = opened;
    try {
      yield { ...first, model: name };
      if (first.kind === 'end') return;
      for (;;) {
        const next = await this.next(opened, signal);
        if (next === CANCELLED) return;
        yield { ...next, model: name };
        if (next.kind === 'end') return;
      }
    } finally {
      stop.abort();
      iterator.return?.().catch(() => undefined);
    }
  }

  shutdown(): void {
    this.chain.shutdown();
  }

  private async open(request: ChatTurnRequest, signal: AbortSignal): Promise<OpenStream | typeof CANCELLED> {
    if (signal.aborted) return CANCELLED;
    try {
      const result = await this.chain.run((model, attemptSignal, name) => firstEvent(model, name, request, signal, attemptSignal));
      return result.value;
    } catch (error) {
      if (signal.aborted) return CANCELLED;
      throw error;
    }
  }

  /** The stream's next event; a failure or stall becomes the turn's `interrupted` end, counted against the model. */
  private async next(stream: OpenStream, signal: AbortSignal): Promise<ModelEvent | typeof CANCELLED> {
    try {
      const next = await nextItem(stream.iterator, signal, this.stallTimeoutMs);
      if (next.kind === 'cancelled') return CANCELLED;
      if (next.kind === 'item') return next.value;
      const [reason, detail] = next.kind === 'stalled' ? (['silence', `no event for ${this.stallTimeoutMs} ms mid-stream`] as const) : (['error', 'the stream ended without an end event'] as const);
      this.recordMidStreamFailure(stream.name, reason, detail);
    } catch (error) {
      if (signal.aborted) return CANCELLED;
      this.recordMidStreamFailure(stream.name, 'error', error instanceof ProviderFailure ? error.message : `stream failed (${error instanceof Error ? error.name : typeof error})`);
    }
    return { kind: 'end', finishReason: 'interrupted' };
  }

  /**
   * Counts the failure against the model's breaker. No failover is counted: the turn stays with
   * this model (the next turn starts at the primary again unless its breaker has opened).
   */
  private recordMidStreamFailure(name: string, reason: 'error' | 'silence', detail: string): void {
    this.chain.breakerOf(name).recordFailure(reason, detail);
  }
}

/**
 * One attempt: starts the model's stream and waits for its first event. The caller's abort
 * resolves the attempt (never a model failure); the breaker's budget aborts the request.
 */
async function firstEvent(
  model: ChatModel,
  name: string,
  request: ChatTurnRequest,
  signal: AbortSignal,
  attemptSignal: AbortSignal,
): Promise<OpenStream | typeof CANCELLED> {
  const stop = new AbortController();
  const iterator = model.stream(request, AbortSignal.any([signal, attemptSignal, stop.signal]))[Symbol.asyncIterator]();
  try {
    const first = await nextItem(iterator, AbortSignal.any([signal, attemptSignal]));
    if (first.kind === 'item') return { name, iterator, first: first.value, stop };
    if (first.kind === 'done') throw new ProviderFailure(name, 'silence', 'the stream ended without an event');
    // Cancelled by the caller, or by the budget (the breaker has then already failed the attempt).
    stop.abort();
    return CANCELLED;
  } catch (error) {
    stop.abort();
    throw error;
  }
}
