import type { AgentAudioInput, SegmentRef } from './agent-audio.input';
import type { PlaybackPolicy } from './playback.policy';
import { SegmentReframer } from './segment.reframer';

/** What enqueueing a chunk did; everything but `queued` means the chunk was dropped. */
export type EnqueueResult = 'queued' | 'cancelled-turn' | 'duplicate-chunk' | 'finished-segment';

/** The next thing to send: a 20 ms frame, or the mark that closes a segment. */
export type PlayoutItem = { readonly kind: 'frame'; readonly frame: Uint8Array } | { readonly kind: 'mark'; readonly segment: SegmentRef };

class QueuedSegment {
  readonly frames: Uint8Array[] = [];
  complete = false;
  text = '';
  nextChunkIndex = 0;

  constructor(
    readonly turnId: string,
    readonly segmentIndex: number,
    readonly reframer: SegmentReframer,
  ) {}
}

const keyOf = (turnId: string, segmentIndex: number): string => `${turnId}\u0000${segmentIndex}`;

/**
 * One call's agent audio waiting to be played, segment by segment in arrival order (the tts
 * publishes a turn's segments in order). Chunks are reframed into whole frames; a segment
 * becomes playable to its end (and its mark) once its last chunk arrived.
 */
export class PlayoutQueue {
  private segments: QueuedSegment[] = [];
  private readonly byKey = new Map<string, QueuedSegment>();
  /** Segments whose last chunk was seen: a later chunk for them is a redelivery. */
  private readonly finished = new Set<string>();
  private readonly cancelledTurns = new Set<string>();

  constructor(private readonly policy: PlaybackPolicy) {}

  enqueue(input: AgentAudioInput): EnqueueResult {
    if (this.cancelledTurns.has(input.turnId)) return 'cancelled-turn';
    const key = keyOf(input.turnId, input.segmentIndex);
    if (this.finished.has(key)) return 'finished-segment';
    let segment = this.byKey.get(key);
    if (segment === undefined) {
      segment = new QueuedSegment(input.turnId, input.segmentIndex, new SegmentReframer(this.policy.frameBytes));
      this.byKey.set(key, segment);
      this.segments.push(segment);
    }
    if (input.chunkIndex < segment.nextChunkIndex) return 'duplicate-chunk';
    segment.nextChunkIndex = input.chunkIndex + 1;
    segment.frames.push(...segment.reframer.push(input.audio));
    if (input.lastInSegment) {
      segment.frames.push(...segment.reframer.finish());
      segment.complete = true;
      segment.text = input.text;
      this.finished.add(key);
    }
    return 'queued';
  }

  /** The next item: the head segment's mark when its frames are all sent, else a frame if `frameAllowed`. */
  next(frameAllowed: boolean): PlayoutItem | undefined {
    const head = this.segments[0];
    if (head === undefined) return undefined;
    if (head.frames.length === 0) {
      if (!head.complete) return undefined;
      this.dropHead();
      return { kind: 'mark', segment: { turnId: head.turnId, segmentIndex: head.segmentIndex, text: head.text } };
    }
    if (!frameAllowed) return undefined;
    const frame = head.frames.shift();
    return frame === undefined ? undefined : { kind: 'frame', frame };
  }

  /** Forgets the turn's queued segments and drops its later audio; returns their indexes. */
  cancelTurn(turnId: string): number[] {
    this.rememberCancelled(turnId);
    const dropped = this.segments.filter((segment) => segment.turnId === turnId);
    this.segments = this.segments.filter((segment) => segment.turnId !== turnId);
    for (const segment of dropped) this.byKey.delete(keyOf(segment.turnId, segment.segmentIndex));
    return dropped.map((segment) => segment.segmentIndex);
  }

  isCancelled(turnId: string): boolean {
    return this.cancelledTurns.has(turnId);
  }

  /** Frames ready to send. */
  get queuedFrames(): number {
    return this.segments.reduce((sum, segment) => sum + segment.frames.length, 0);
  }

  private dropHead(): void {
    const head = this.segments.shift();
    if (head !== undefined) this.byKey.delete(keyOf(head.turnId, head.segmentIndex));
  }

  private rememberCancelled(turnId: string): void {
    this.cancelledTurns.add(turnId);
    if (this.cancelledTurns.size <= this.policy.cancelledTurnsKept) return;
    const oldest = this.cancelledTurns.values().next().value;
    if (oldest !== undefined) this.cancelledTurns.delete(oldest);
  }
}
