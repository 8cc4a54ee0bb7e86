import OpenAI from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { ProviderFailure } from '@va/resilience';
import type { ChatModel, ChatTurnRequest, FinishReason, ModelEvent } from './chat.model';
import { toOpenAiMessages, toOpenAiTools } from './openai-chat.messages';
import { openAiFailure } from './openai.failure';
import { ToolCallAccumulator } from './tool-call.accumulator';

export interface OpenAiChatModelOptions {
  /** The provider label (`openai`, `secondary`). */
  readonly name: string;
  /** The API root, ending in `/v1` for OpenAI and most compatible servers. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
}

type ChunkFinishReason = NonNullable<ChatCompletionChunk.Choice['finish_reason']>;

const FINISH_REASONS: Readonly<Record<ChunkFinishReason, FinishReason>> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
};

/**
 * Chat Completions streaming through the official SDK, for OpenAI and any compatible endpoint
 * (its own base URL, key and model). The SDK never retries: the chain decides what happens
 * after a failure. Tool calls are yielded whole, each as soon as the next one begins.
 */
export class OpenAiChatModel implements ChatModel {
  readonly name: string;
  private readonly client: OpenAI;
  private readonly model: string;

  constructor(options: OpenAiChatModelOptions) {
    this.name = options.name;
    this.model = options.model;
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0 });
  }

  async *stream(request: ChatTurnRequest, signal: AbortSignal): AsyncGenerator<ModelEvent> {
    try {
      yield* this.events(request, signal);
    } catch (error) {
      throw signal.aborted ? error : openAiFailure(this.name, error);
    }
  }

  private async *events(request: ChatTurnRequest, signal: AbortSignal): AsyncGenerator<ModelEvent> {
    const tools = toOpenAiTools(request.tools);
    const chunks = await this.client.chat.completions.create(
      {
        model: this.model,
        stream: true,
        messages: toOpenAiMessages(request.messages),
        ...(tools.length > 0 ? { tools, tool_choice: 'auto' as const } : {}),
      },
      { signal },
    );
    const toolCalls = new ToolCallAccumulator();
    let finishReason: FinishReason | undefined;
    for await (const chunk of chunks) {
      const choice = chunk.choices[0];
      if (choice === undefined) continue;
      const text = choice.delta.content;
      if (typeof text === 'string' && text !== '') yield { kind: 'text', delta: text };
      for (const delta of choice.delta.tool_calls ?? []) {
        if (delta.type === 'custom' || delta.custom !== undefined) continue;
        for (const call of toolCalls.add(delta)) yield { kind: 'tool-call', ...call };
      }
      // A compatible server may send a reason OpenAI does not define: the turn still ended normally.
      if (choice.finish_reason !== null) finishReason = FINISH_REASONS[choice.finish_reason] ?? 'stop';
    }
    for (const call of toolCalls.finish()) yield { kind: 'tool-call', ...call };
    if (finishReason === undefined) throw new ProviderFailure(this.name, 'error', 'the stream ended without a finish reason');
    yield { kind: 'end', finishReason };
  }
}
