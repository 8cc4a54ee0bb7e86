import type { Logger } from '@va/observability';
import type { SttMetrics } from '../consumer/stt.metrics';
import type { RecognitionSession } from './recognition.session';
import type { Scheduler } from './scheduler.port';

export interface CallSessionsDeps {
  createSession(callId: string, startMs: number): RecognitionSession;
  readonly scheduler: Scheduler;
  /** A session with no audio for this long is closed (its call ended or moved to another instance). */
  readonly idleCloseMs: number;
  readonly metrics: SttMetrics;
  readonly logger: Logger;
}

export type ChunkVerdict = 'accepted' | 'duplicate' | 'call-ended';

interface LiveCall {
  readonly session: RecognitionSession;
  lastSequence: number;
  lastAudioAtMs: number;
}

/** Calls remembered as ended, so late or redelivered audio does not reopen them. */
const ENDED_CALLS_KEPT = 10_000;

/**
 * The live sessions of this instance, one per call: opened by the call's first audio (also
 * mid-call, when its partition moved here), closed at call end or after idling.
 */
export class CallSessions {
  private readonly live = new Map<string, LiveCall>();
  private readonly ended = new Set<string>();

  constructor(private readonly deps: CallSessionsDeps) {}

  get size(): number {
    return this.live.size;
  }

  /** Audio of one chunk; duplicates (sequence not above the last seen) and audio of ended calls are refused. */
  accept(callId: string, sequence: number, streamOffsetMs: number, audio: Uint8Array): ChunkVerdict {
    if (this.ended.has(callId)) return 'call-ended';
    let call = this.live.get(callId);
    if (call === undefined) {
      call = { session: this.deps.createSession(callId, streamOffsetMs), lastSequence: sequence - 1, lastAudioAtMs: 0 };
      this.live.set(callId, call);
      this.deps.metrics.sessionsActive.set(this.live.size);
    }
    if (sequence <= call.lastSequence) return 'duplicate';
    if (sequence > call.lastSequence + 1) this.deps.metrics.sequenceGaps.inc();
    call.lastSequence = sequence;
    call.lastAudioAtMs = this.deps.scheduler.nowMs();
    call.session.push(audio);
    return 'accepted';
  }

  /** The call ended: its recognizer flushes its last results, then closes. */
  async end(callId: string): Promise<void> {
    this.remember(callId);
    const call = this.live.get(callId);
    if (call === undefined) return;
    this.forget(callId);
    await call.session.finish();
  }

  /** Periodic upkeep: idle sessions close, the others keep their recognizer alive and watched. */
  sweep(): void {
    const nowMs = this.deps.scheduler.nowMs();
    for (const [callId, call] of this.live) {
      if (nowMs - call.lastAudioAtMs >= this.deps.idleCloseMs) {
        this.forget(callId);
        call.session.close();
        this.deps.logger.info('recognition session closed after idling', { callId });
      } else {
        call.session.tick();
      }
    }
  }

  /** Shutdown: every session flushes (bounded by the session policy) and closes. */
  async finishAll(): Promise<void> {
    const calls = [...this.live.values()];
    this.live.clear();
    this.deps.metrics.sessionsActive.set(0);
    await Promise.all(calls.map((call) => call.session.finish()));
  }

  private forget(callId: string): void {
    this.live.delete(callId);
    this.deps.metrics.sessionsActive.set(this.live.size);
  }

  private remember(callId: string): void {
    this.ended.add(callId);
    if (this.ended.size > ENDED_CALLS_KEPT) {
      const oldest = this.ended.values().next().value;
      if (oldest !== undefined) this.ended.delete(oldest);
    }
  }
}
