import type { AgentAudioInput, SegmentRef } from './agent-audio.input';
import { MarkLedger } from './mark.ledger';
import type { PlaybackPolicy } from './playback.policy';
import type { PlaybackSink } from './playback.sink';
import { type EnqueueResult, PlayoutQueue } from './playout.queue';

/**
 * One call's agent playback: queued segments sent one 20 ms frame per tick, keeping at most
 * `maxLeadFrames` ahead of what the caller is hearing (estimated from the frames sent), a
 * mark after each segment's last frame, and cancel → clear with the turn's unheard segments.
 */
export class CallPlayback {
  private readonly queue: PlayoutQueue;
  private readonly marks = new MarkLedger();
  /** When the caller will have heard every frame sent so far (monotonic ms). */
  private sentUntilMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly sink: PlaybackSink,
    private readonly policy: PlaybackPolicy,
  ) {
    this.queue = new PlayoutQueue(policy);
  }

  enqueue(input: AgentAudioInput): EnqueueResult {
    return this.queue.enqueue(input);
  }

  /** Sends what is due at `nowMs`; returns the number of frames sent. */
  tick(nowMs: number): number {
    if (this.sentUntilMs < nowMs) this.sentUntilMs = nowMs;
    const maxLeadMs = (this.policy.maxLeadFrames - 1) * this.policy.frameDurationMs;
    let sent = 0;
    for (;;) {
      const item = this.queue.next(this.sentUntilMs - nowMs <= maxLeadMs);
      if (item === undefined) return sent;
      if (item.kind === 'mark') {
        this.sink.mark(this.marks.sent(item.segment));
        continue;
      }
      this.sink.media(item.frame);
      this.sentUntilMs += this.policy.frameDurationMs;
      sent += 1;
    }
  }

  /**
   * Stops the turn at once: its queued frames are dropped, Twilio is told to `clear`, and its
   * later audio is ignored. Returns the turn's segments not heard to the end, ascending.
   */
  cancelTurn(turnId: string): number[] {
    const queued = this.queue.cancelTurn(turnId);
    const awaitingMark = this.marks.dropTurn(turnId);
    this.sink.clear();
    this.sentUntilMs = Number.NEGATIVE_INFINITY;
    return [...new Set([...awaitingMark, ...queued])].sort((a, b) => a - b);
  }

  /** The segment an echoed mark completes, or undefined (unknown, or its turn was cancelled). */
  markEchoed(name: string): SegmentRef | undefined {
    return this.marks.echoed(name);
  }

  get queuedFrames(): number {
    return this.queue.queuedFrames;
  }
}
