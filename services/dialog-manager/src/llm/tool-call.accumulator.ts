import type { ToolCallRequest } from './chat.model';

/** One streamed fragment of a tool call (the shape of OpenAI's `delta.tool_calls[]`). */
export interface ToolCallDelta {
  readonly index: number;
  readonly id?: string | undefined;
  readonly function?: { readonly name?: string | undefined; readonly arguments?: string | undefined } | undefined;
}

interface OpenCall {
  readonly index: number;
  id: string | undefined;
  name: string;
  argumentsJson: string;
}

/**
 * Joins streamed tool-call fragments into whole calls. A call is complete when a fragment of a
 * later call arrives (calls stream one after another) or when the stream finishes, so each call
 * can be acted on before the model's turn has ended.
 */
export class ToolCallAccumulator {
  private open: OpenCall[] = [];
  private readonly completedIndexes = new Set<number>();

  /** Adds a fragment; returns the calls it completed (those before it), in order. */
  add(delta: ToolCallDelta): ToolCallRequest[] {
    if (this.completedIndexes.has(delta.index)) throw new Error('a streamed tool call continued after a later call began');
    let call = this.open.find((candidate) => candidate.index === delta.index);
    if (call === undefined) {
      call = { index: delta.index, id: undefined, name: '', argumentsJson: '' };
      this.open.push(call);
    }
    if (delta.id !== undefined && delta.id !== '') call.id ??= delta.id;
    // OpenAI sends the name whole in the call's first fragment; some compatible servers repeat it.
    if (call.name === '') call.name = delta.function?.name ?? '';
    call.argumentsJson += delta.function?.arguments ?? '';
    const earlier = this.open.filter((candidate) => candidate.index < delta.index);
    this.open = this.open.filter((candidate) => candidate.index >= delta.index);
    return earlier.map((each) => this.complete(each));
  }

  /** The calls still open at the end of the stream, in order; the accumulator is then empty. */
  finish(): ToolCallRequest[] {
    const rest = [...this.open].sort((a, b) => a.index - b.index);
    this.open = [];
    return rest.map((each) => this.complete(each));
  }

  private complete(call: OpenCall): ToolCallRequest {
    this.completedIndexes.add(call.index);
    if (call.name === '') throw new Error('a streamed tool call had no function name');
    return {
      id: call.id ?? `tool_call_${call.index}`,
      name: call.name,
      argumentsJson: call.argumentsJson.trim() === '' ? '{}' : call.argumentsJson,
    };
  }
}
