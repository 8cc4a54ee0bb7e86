/** A function call the model made: `argumentsJson` is the whole arguments string, as the model wrote it. */
export interface ToolCallRequest {
  readonly id: string;
  readonly name: string;
  readonly argumentsJson: string;
}

/** One message of the conversation sent to the model. */
export type ChatMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string }
  /** What the agent said (text) and/or the functions it called, in one turn. */
  | { readonly role: 'assistant'; readonly content?: string; readonly toolCalls?: readonly ToolCallRequest[] }
  /** A tool's result for the call `toolCallId`, as JSON. */
  | { readonly role: 'tool'; readonly toolCallId: string; readonly content: string };

/** A function the model may call: `parameters` is a JSON schema of type object. */
export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface ChatTurnRequest {
  readonly messages: readonly ChatMessage[];
  /** Only the stage's tools; empty: the model answers in text. */
  readonly tools: readonly ToolSpec[];
}

/** Why a turn ended. `interrupted`: the stream broke after it had started; the turn keeps what came before. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'interrupted';

/** What a model streams: text deltas, whole tool calls (arguments already joined), then one `end`. */
export type ModelEvent =
  | { readonly kind: 'text'; readonly delta: string }
  | ({ readonly kind: 'tool-call' } & ToolCallRequest)
  | { readonly kind: 'end'; readonly finishReason: FinishReason };

/**
 * A chat model behind one narrow contract. `stream` yields events as the model produces them and
 * throws on any provider failure; aborting `signal` stops the request. Breakers, budgets and
 * failover live around models (ChatModelChain), never in them.
 */
export interface ChatModel {
  /** The provider label for metrics and logs (`openai`, `secondary`), never call data. */
  readonly name: string;
  stream(request: ChatTurnRequest, signal: AbortSignal): AsyncIterable<ModelEvent>;
}
