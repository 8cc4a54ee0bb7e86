import { AudioEncoding, type MessageInit } from '@va/contracts';
import { TELEPHONY_SAMPLE_RATE_HZ } from '@va/audio';

export type AgentAudioInit = MessageInit<'call.audio.out'>;

export interface SegmentSpec {
  readonly index: number;
  readonly text: string;
  readonly lastInTurn: boolean;
}

interface Slot {
  readonly spec: SegmentSpec;
  /** Audio that arrived while an earlier segment was still open. */
  readonly pending: Uint8Array[];
  nextChunkIndex: number;
  finished: boolean;
}

/**
 * The publication order of one turn. Segments may be synthesized in parallel, but their
 * chunks leave strictly in segment_index order: a segment's audio flows straight out while
 * every earlier segment is complete, and waits in memory otherwise. A segment ends with a
 * final chunk (last_in_segment, the text, no audio) so the gateway can mark it. Once
 * cancelled, nothing more leaves and the buffers are dropped.
 */
export class TurnPlayback {
  private readonly slots = new Map<number, Slot>();
  private nextToPublish = 0;
  private readonly controller = new AbortController();
  private completed = false;

  constructor(
    readonly callId: string,
    readonly turnId: string,
    private readonly maxChunkBytes: number,
    private readonly emit: (chunk: AgentAudioInit) => void,
  ) {}

  /** Aborted when the turn is cancelled; reaches every synthesis of the turn. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  /** True once the segment marked last_in_turn has been published in full. */
  get isComplete(): boolean {
    return this.completed;
  }

  get hasRunningSegments(): boolean {
    return [...this.slots.values()].some((slot) => !slot.finished);
  }

  /** Reserves the segment's place; false when the index was seen before (a repeat or redelivery) or is negative. */
  open(spec: SegmentSpec): boolean {
    if (this.cancelled || spec.index < 0 || spec.index < this.nextToPublish || this.slots.has(spec.index)) return false;
    this.slots.set(spec.index, { spec, pending: [], nextChunkIndex: 0, finished: false });
    return true;
  }

  audio(index: number, audio: Uint8Array): void {
    const slot = this.slots.get(index);
    if (slot === undefined || slot.finished || this.cancelled) return;
    for (let offset = 0; offset < audio.length; offset += this.maxChunkBytes) {
      const piece = audio.subarray(offset, offset + this.maxChunkBytes);
      if (index === this.nextToPublish) this.publish(slot, piece, false);
      else slot.pending.push(piece);
    }
  }

  /** The segment has all its audio (or none will come); publishes it when its turn comes. */
  finish(index: number): void {
    const slot = this.slots.get(index);
    if (slot === undefined || slot.finished || this.cancelled) return;
    slot.finished = true;
    this.advance();
  }

  cancel(reason: string): void {
    if (this.cancelled) return;
    this.controller.abort(new Error(reason));
    this.slots.clear();
  }

  private advance(): void {
    for (let slot = this.slots.get(this.nextToPublish); slot !== undefined; slot = this.slots.get(this.nextToPublish)) {
      for (const piece of slot.pending.splice(0)) this.publish(slot, piece, false);
      if (!slot.finished) return;
      this.publish(slot, new Uint8Array(0), true);
      this.slots.delete(this.nextToPublish);
      this.nextToPublish += 1;
      if (slot.spec.lastInTurn) {
        this.completed = true;
        return;
      }
    }
  }

  private publish(slot: Slot, audio: Uint8Array, last: boolean): void {
    this.emit({
      callId: this.callId,
      turnId: this.turnId,
      segmentIndex: slot.spec.index,
      chunkIndex: slot.nextChunkIndex,
      encoding: AudioEncoding.MULAW,
      sampleRateHz: TELEPHONY_SAMPLE_RATE_HZ,
      audio,
      lastInSegment: last,
      lastInTurn: slot.spec.lastInTurn,
      text: last ? slot.spec.text : '',
    });
    slot.nextChunkIndex += 1;
  }
}
