import type { CallEndReason } from '@va/contracts';
import type { AgentAudioInput } from '../playback/agent-audio.input';
import { CallPlayback } from '../playback/call.playback';
import type { PlaybackPolicy } from '../playback/playback.policy';
import type { PlaybackSink } from '../playback/playback.sink';
import type { EnqueueResult } from '../playback/playout.queue';
import type { TickParticipant } from '../playback/playout.ticker';
import type { CallSession } from '../sessions/call-session.store';

/** What a held call needs from its socket. */
export interface CallSocket {
  close(code: number, reason: string): void;
}

/** A call whose media stream this instance holds: caller-audio sequencing, playback, and why it is ending. */
export class LiveCall implements TickParticipant {
  readonly playback: CallPlayback;
  /** Set when the agent asked to end or transfer the call, so the coming `stop` is attributed to it. */
  endIntent: CallEndReason | undefined;
  ended = false;
  private sequence = 0;
  private lastOffsetMs = 0;

  constructor(
    readonly session: CallSession,
    readonly streamSid: string,
    readonly startedAtMs: number,
    sink: PlaybackSink,
    private readonly socket: CallSocket,
    policy: PlaybackPolicy,
    private readonly now: () => number,
  ) {
    this.playback = new CallPlayback(sink, policy);
  }

  get callId(): string {
    return this.session.callId;
  }

  /** The next caller-audio sequence number (from 1) for audio at `offsetMs` of the stream. */
  nextAudioSequence(offsetMs: number): number {
    this.lastOffsetMs = offsetMs;
    this.sequence += 1;
    return this.sequence;
  }

  /** Stream offset of the latest caller audio (for DTMF timing). */
  get streamOffsetMs(): number {
    return this.lastOffsetMs;
  }

  /** Queues agent audio and sends at once what the pacing allows, rather than waiting for the next tick. */
  enqueueAgentAudio(input: AgentAudioInput): EnqueueResult {
    const result = this.playback.enqueue(input);
    if (result === 'queued') this.playback.tick(this.now());
    return result;
  }

  tick(nowMs: number): void {
    this.playback.tick(nowMs);
  }

  closeSocket(code: number, reason: string): void {
    this.socket.close(code, reason);
  }
}
