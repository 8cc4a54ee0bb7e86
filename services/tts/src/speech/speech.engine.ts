import type { Logger } from '@va/observability';
import type { TtsChain } from '../synthesis/tts.chain';
import { CallSpeech } from './call.speech';
import { RecentSet } from './recent.set';
import { synthesizeSegment, type SegmentOutcome } from './segment.synthesis';
import { SPEECH_POLICY, type SpeechPolicy } from './speech.policy';
import type { CancelTrigger, TtsMetrics } from './tts.metrics';
import { TurnPlayback, type AgentAudioInit } from './turn.playback';

export interface SpeechEngineDeps {
  readonly chain: TtsChain;
  readonly metrics: TtsMetrics;
  readonly logger: Logger;
  /** Publishes one chunk on call.audio.out; the bus keeps a call's publishes in call order. */
  readonly publish: (chunk: AgentAudioInit) => Promise<void>;
  readonly nowMs?: () => number;
  readonly policy?: Partial<SpeechPolicy>;
}

export interface SpeakRequest {
  readonly turnId: string;
  readonly segmentIndex: number;
  readonly text: string;
  readonly lastInTurn: boolean;
  /** Logical voice; unknown → the default voice. */
  readonly voiceId: string;
}

/** `started`: synthesis runs; `dropped`: a bad or repeated segment; `ignored`: its turn or call is over. */
export type SpeakDecision = 'started' | 'dropped' | 'ignored';

/**
 * Per-call speech state for the calls this instance owns: starts each segment's synthesis as
 * its speak arrives (returning at once), publishes the audio in segment order, cancels turns
 * and forgets calls when they end.
 */
export class SpeechEngine {
  private readonly calls = new Map<string, CallSpeech>();
  private readonly endedCalls: RecentSet;
  private readonly running = new Set<Promise<void>>();
  private readonly policy: SpeechPolicy;
  private readonly nowMs: () => number;

  constructor(private readonly deps: SpeechEngineDeps) {
    this.policy = { ...SPEECH_POLICY, ...deps.policy };
    this.nowMs = deps.nowMs ?? (() => performance.now());
    this.endedCalls = new RecentSet(this.policy.endedCallsRemembered);
  }

  speak(callId: string, request: SpeakRequest): SpeakDecision {
    if (this.endedCalls.has(callId)) return this.count('ignored');
    const call = this.callOf(callId);
    if (call.isClosed(request.turnId)) return this.count('ignored');
    const turn = this.turnOf(call, callId, request.turnId);
    const spec = { index: request.segmentIndex, text: request.text, lastInTurn: request.lastInTurn };
    if (!turn.open(spec)) return this.count('dropped');
    const text = request.text.trim();
    if (text.length === 0 || text.length > this.policy.maxTextChars) {
      // The segment's place still closes, so later segments of the turn are not held back.
      turn.finish(spec.index);
      this.closeIfComplete(call, turn);
      return this.count('dropped');
    }
    this.track(this.run(call, turn, spec.index, text, request.voiceId));
    return 'started';
  }

  /** Stops the turn's syntheses and publication; a cancel that arrives first still silences its later segments. */
  cancel(callId: string, turnId: string, trigger: CancelTrigger = 'cancel'): void {
    if (this.endedCalls.has(callId)) return;
    const call = this.callOf(callId);
    const turn = call.turns.get(turnId);
    if (turn !== undefined) {
      turn.cancel(trigger);
      this.deps.metrics.cancelled.inc({ trigger });
    }
    call.close(turnId);
  }

  endCall(callId: string): void {
    this.endedCalls.add(callId);
    const call = this.calls.get(callId);
    if (call === undefined) return;
    for (const turn of call.turns.values()) {
      turn.cancel('call-ended');
      this.deps.metrics.cancelled.inc({ trigger: 'call-ended' });
    }
    this.calls.delete(callId);
  }

  /** Resolves when every synthesis started so far has settled. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Lets running syntheses finish within the shutdown grace, then cancels what is left. */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.policy.shutdownGraceMs)));
    await Promise.race([this.idle(), grace]);
    clearTimeout(timer);
    for (const callId of [...this.calls.keys()]) this.endCall(callId);
    await this.idle();
  }

  private async run(call: CallSpeech, turn: TurnPlayback, index: number, text: string, voiceId: string): Promise<void> {
    let outcome: SegmentOutcome;
    try {
      outcome = await synthesizeSegment(
        { text, voiceId, fromIndex: call.startIndex, signal: turn.signal, onAudio: (audio) => turn.audio(index, audio) },
        { chain: this.deps.chain, metrics: this.deps.metrics, policy: this.policy, nowMs: this.nowMs },
      );
    } catch (error) {
      outcome = { kind: 'failed', provider: 'none', detail: error instanceof Error ? error.message : String(error) };
    }
    const fields = { callId: turn.callId, turnId: turn.turnId, segmentIndex: index };
    if (outcome.kind === 'cancelled') {
      this.deps.metrics.segment('none', 'cancelled');
      return;
    }
    if (outcome.kind === 'spoken') {
      if (outcome.providerIndex > call.startIndex) this.deps.logger.info('tts call moved to a fallback provider', { ...fields, provider: outcome.provider });
      if (outcome.resyntheses > 0) this.deps.logger.warn('tts segment resynthesized after a broken stream', { ...fields, provider: outcome.provider });
      call.spokenBy(outcome.providerIndex);
      this.deps.metrics.segment(outcome.provider, 'spoken');
    } else {
      this.deps.logger.warn('tts segment failed on every provider', { ...fields, provider: outcome.provider, detail: outcome.detail });
      this.deps.metrics.segment(outcome.provider, 'failed');
    }
    turn.finish(index);
    this.closeIfComplete(call, turn);
  }

  private callOf(callId: string): CallSpeech {
    let call = this.calls.get(callId);
    if (call === undefined) {
      this.evictIdleCalls();
      call = new CallSpeech(this.policy.closedTurnsPerCall);
      this.calls.set(callId, call);
    }
    return call;
  }

  private turnOf(call: CallSpeech, callId: string, turnId: string): TurnPlayback {
    let turn = call.turns.get(turnId);
    if (turn === undefined) {
      turn = new TurnPlayback(callId, turnId, this.policy.maxChunkBytes, (chunk) => this.emit(chunk));
      call.turns.set(turnId, turn);
    }
    return turn;
  }

  private emit(chunk: AgentAudioInit): void {
    this.deps.publish(chunk).catch((error: unknown) => {
      this.deps.logger.warn('agent audio publish failed', { callId: chunk.callId, turnId: chunk.turnId, error });
    });
  }

  private closeIfComplete(call: CallSpeech, turn: TurnPlayback): void {
    if (turn.isComplete) call.close(turn.turnId);
  }

  /** Calls whose end this instance never saw (another instance took the partition) are forgotten oldest first. */
  private evictIdleCalls(): void {
    for (const [callId, call] of this.calls) {
      if (this.calls.size < this.policy.maxTrackedCalls) return;
      if (call.isIdle) this.calls.delete(callId);
    }
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  private count(outcome: 'dropped' | 'ignored'): SpeakDecision {
    this.deps.metrics.segment('none', outcome);
    return outcome;
  }
}
