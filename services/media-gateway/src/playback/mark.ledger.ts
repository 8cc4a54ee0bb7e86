import type { SegmentRef } from './agent-audio.input';
import { markNameOf } from './playback.policy';

/** Marks sent to Twilio and not yet echoed: the segments the caller has not yet heard to the end. */
export class MarkLedger {
  private readonly pending = new Map<string, SegmentRef>();

  sent(segment: SegmentRef): string {
    const name = markNameOf(segment.turnId, segment.segmentIndex);
    this.pending.set(name, segment);
    return name;
  }

  /** The segment the echoed mark closes, or undefined for a mark this ledger does not hold. */
  echoed(name: string): SegmentRef | undefined {
    const segment = this.pending.get(name);
    if (segment !== undefined) this.pending.delete(name);
    return segment;
  }

  /** Forgets the turn's pending marks (their echo after a clear means nothing) and returns their indexes. */
  dropTurn(turnId: string): number[] {
    const indexes: number[] = [];
    for (const [name, segment] of this.pending) {
      if (segment.turnId !== turnId) continue;
      indexes.push(segment.segmentIndex);
      this.pending.delete(name);
    }
    return indexes;
  }
}
