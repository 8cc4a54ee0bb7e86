/** ElevenLabs' default `generation_config.chunk_length_schedule`. */
export const DEFAULT_CHUNK_LENGTH_SCHEDULE: readonly number[] = [120, 160, 250, 290];
/** The least text `try_trigger_generation` generates from (the schedule's floor). */
const TRIGGER_MINIMUM_CHARACTERS = 50;

/**
 * The stream-input text buffer: text accumulates until it reaches the next length in the
 * schedule (120 characters for the first generation by default, then 160, 250, 290, 290 …);
 * then everything up to the last whole word is generated. A trailing partial word waits for
 * the rest of it. `drain()` (flush, end of input) takes everything.
 */
export class ChunkScheduleBuffer {
  private buffer = '';
  private generations = 0;

  constructor(private readonly schedule: readonly number[] = DEFAULT_CHUNK_LENGTH_SCHEDULE) {}

  /** Adds text; returns the text to generate now, if the buffer reached its threshold. */
  push(text: string, mode: { readonly autoMode?: boolean; readonly tryTrigger?: boolean } = {}): string | undefined {
    this.buffer += text;
    const threshold = this.schedule[Math.min(this.generations, this.schedule.length - 1)] ?? DEFAULT_CHUNK_LENGTH_SCHEDULE[0] ?? 120;
    const length = this.buffer.length;
    const due = mode.autoMode === true || length >= threshold || (mode.tryTrigger === true && this.buffer.trim().length >= TRIGGER_MINIMUM_CHARACTERS);
    return due ? this.takeWholeWords() : undefined;
  }

  drain(): string | undefined {
    const text = this.buffer.trim();
    this.buffer = '';
    return this.taken(text);
  }

  private takeWholeWords(): string | undefined {
    const cut = this.buffer.search(/\s\S*$/);
    if (cut < 0) return undefined;
    const text = this.buffer.slice(0, cut).trim();
    this.buffer = this.buffer.slice(cut).trimStart();
    return this.taken(text);
  }

  private taken(text: string): string | undefined {
    if (text === '') return undefined;
    this.generations += 1;
    return text;
  }
}
