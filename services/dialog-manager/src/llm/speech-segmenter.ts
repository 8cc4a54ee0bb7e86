import { ClauseSplitter, type ClauseSplitterOptions } from '../language';
import type { ModelEvent } from './chat.model';

/** A piece of the agent's answer ready to be spoken. */
export interface SpeechSegment {
  readonly kind: 'segment';
  readonly text: string;
}

/** What the segmenter yields: segments, and the stream's tool calls and end unchanged (with any fields they carry). */
export type SpeechEvent<E extends ModelEvent = ModelEvent> = SpeechSegment | Exclude<E, { readonly kind: 'text' }>;

/**
 * Turns a model's events into speakable segments: each clause is yielded the moment it is
 * complete (the first one early, per `firstMinChars`), so the first audio never waits for the
 * whole answer. Before a tool call or the end, the text so far is flushed as a segment, so
 * everything comes out in the order the model produced it.
 */
export async function* segmentSpeech<E extends ModelEvent>(events: AsyncIterable<E>, options: ClauseSplitterOptions): AsyncGenerator<SpeechEvent<E>> {
  const splitter = new ClauseSplitter(options);
  const tail = function* (): Generator<SpeechSegment> {
    const rest = splitter.flush();
    if (rest !== undefined) yield { kind: 'segment', text: rest };
  };
  for await (const event of events) {
    if (passesThrough(event)) {
      yield* tail();
      yield event;
      continue;
    }
    if (event.kind === 'text') for (const text of splitter.push(event.delta)) yield { kind: 'segment', text };
  }
  yield* tail();
}

function passesThrough<E extends ModelEvent>(event: E): event is Exclude<E, { readonly kind: 'text' }> {
  return event.kind !== 'text';
}
