import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatModel, ChatTurnRequest, ModelEvent } from './chat.model';

/** One step of a scripted stream: an event, a pause, a failure, or a hang that only the signal ends. */
export type ScriptStep = ModelEvent | { readonly kind: 'pause'; readonly ms: number } | { readonly kind: 'fail' } | { readonly kind: 'hang' };

/** A chat model for unit tests: plays its steps in order and records the requests it was given. */
export class ScriptedChatModel implements ChatModel {
  readonly requests: ChatTurnRequest[] = [];
  aborted = 0;

  constructor(
    readonly name: string,
    private readonly steps: readonly ScriptStep[],
  ) {}

  async *stream(request: ChatTurnRequest, signal: AbortSignal): AsyncGenerator<ModelEvent> {
    this.requests.push(request);
    signal.addEventListener('abort', () => (this.aborted += 1), { once: true });
    for (const step of this.steps) {
      if (step.kind === 'pause') await sleep(step.ms, undefined, { signal });
      else if (step.kind === 'fail') throw new Error('scripted failure');
      else if (step.kind === 'hang') await sleep(60_000, undefined, { signal });
      else yield step;
    }
  }
}

/** Text deltas for each piece, in order. */
export function textEvents(...pieces: readonly string[]): ModelEvent[] {
  return pieces.map((delta) => ({ kind: 'text', delta }));
}

export async function collect<T>(events: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const event of events) collected.push(event);
  return collected;
}
