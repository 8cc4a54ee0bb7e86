import { DEFAULT_SPEECH_DETECTOR_POLICY, durationMsOfMulaw, EnergySpeechDetector } from '@va/audio';
import type { Logger } from '@va/observability';
import type { FailoverChain } from '@va/resilience';
import type { RecognizedTranscript, RecognizerHandlers, RecognizerStream, StreamingRecognizer } from '../recognizer/streaming.recognizer';
import type { RecognitionListener } from './recognition.event';
import { ReplayBuffer } from './replay.buffer';
import type { Scheduler } from './scheduler.port';
import type { SessionPolicy } from './session.policy';

export interface SessionDeps {
  readonly chain: FailoverChain<StreamingRecognizer>;
  readonly scheduler: Scheduler;
  readonly policy: SessionPolicy;
  readonly logger: Logger;
  readonly listener: RecognitionListener;
}

/**
 * Speech onsets the silence watch counts: a long hangover, so a pause inside an utterance is
 * not a new onset (a segmenting recognizer reports nothing until the utterance ends).
 */
const ONSET_DETECTOR_POLICY = { ...DEFAULT_SPEECH_DETECTOR_POLICY, hangoverMs: 1_000 };

interface ActiveStream {
  readonly attempt: number;
  readonly name: string;
  readonly index: number;
  readonly stream: RecognizerStream;
  /** Call-stream position of the stream's offset 0. */
  readonly originMs: number;
}

/**
 * One call's speech recognition: a recognizer stream from the failover chain, fed the call's
 * audio. The session watches the audio itself; a recognizer that stays silent after speech
 * onset for the silence budget, errors, or closes is reported to the chain and replaced by the
 * next, which first hears the audio since the start of the caller's unfinished utterance.
 */
export class RecognitionSession {
  private readonly detector = new EnergySpeechDetector(ONSET_DETECTOR_POLICY);
  private readonly buffer: ReplayBuffer;
  private positionMs: number;
  private lastVoicedEndMs = Number.NEGATIVE_INFINITY;
  /** Call-stream position up to which the recognizer's final results cover the audio. */
  private settledMs = Number.NEGATIVE_INFINITY;
  private active: ActiveStream | undefined;
  private opening = false;
  private attempts = 0;
  private retryAtMs = 0;
  private unansweredSinceMs: number | undefined;
  private lastSentAtMs: number;
  private ended = false;

  constructor(
    readonly callId: string,
    private readonly startMs: number,
    private readonly deps: SessionDeps,
  ) {
    this.positionMs = startMs;
    this.buffer = new ReplayBuffer(startMs);
    this.lastSentAtMs = deps.scheduler.nowMs();
  }

  /** The recognizer in use, if one is open. */
  get provider(): string | undefined {
    return this.active?.name;
  }

  push(audio: Uint8Array): void {
    if (this.ended) return;
    const nowMs = this.deps.scheduler.nowMs();
    this.buffer.append(audio);
    this.positionMs += durationMsOfMulaw(audio.length);
    for (const event of this.detector.push(audio)) {
      if (event.kind === 'speech-start') this.unansweredSinceMs ??= nowMs;
      else this.lastVoicedEndMs = this.startMs + event.lastVoicedAtMs;
    }
    if (this.detector.inSpeech) this.lastVoicedEndMs = this.positionMs;
    this.trimBuffer();
    if (this.active !== undefined) {
      this.active.stream.send(audio);
      this.lastSentAtMs = nowMs;
    } else if (!this.opening && nowMs >= this.retryAtMs) {
      this.openFrom(0);
    }
    this.checkSilence(nowMs);
  }

  /** Periodic upkeep: KeepAlive while no audio flows, and the silence check. */
  tick(): void {
    if (this.ended || this.active === undefined) return;
    const nowMs = this.deps.scheduler.nowMs();
    if (nowMs - this.lastSentAtMs >= this.deps.policy.keepAliveIntervalMs) {
      this.active.stream.keepAlive();
      this.lastSentAtMs = nowMs;
    }
    this.checkSilence(nowMs);
  }

  /** Call end: the recognizer's last results still arrive (bounded), then the stream closes. */
  async finish(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    const active = this.active;
    if (active === undefined) return;
    await Promise.race([active.stream.finish().catch(() => undefined), this.deps.scheduler.sleep(this.deps.policy.finishTimeoutMs)]);
    active.stream.close();
    this.active = undefined;
  }

  close(): void {
    this.ended = true;
    this.active?.stream.close();
    this.active = undefined;
  }

  private openFrom(index: number): void {
    this.opening = true;
    const { chain, logger } = this.deps;
    chain
      .run((recognizer, signal, name) => {
        const attempt = ++this.attempts;
        return recognizer.open(this.callId, this.handlersFor(attempt), signal).then((stream) => ({ stream, attempt, name }));
      }, index)
      .then(({ value, index: openedIndex, name }) => {
        this.opening = false;
        if (this.ended) {
          value.stream.close();
          return;
        }
        this.active = { attempt: value.attempt, name, index: openedIndex, stream: value.stream, originMs: this.buffer.startMs };
        const nowMs = this.deps.scheduler.nowMs();
        this.lastSentAtMs = nowMs;
        // Set before the replay: a recognizer may answer while it takes the replayed audio.
        this.unansweredSinceMs = this.hasUnsettledSpeech() ? nowMs : undefined;
        const replay = this.buffer.contents();
        if (replay.length > 0) value.stream.send(replay);
        logger.info('recognizer opened', { callId: this.callId, provider: name, replayedMs: durationMsOfMulaw(replay.length) });
      })
      .catch((error: unknown) => {
        this.opening = false;
        if (this.ended) return;
        this.retryAtMs = this.deps.scheduler.nowMs() + this.deps.policy.retryAfterExhaustedMs;
        logger.warn('no speech recognizer available', { callId: this.callId, error: error instanceof Error ? error.message : String(error) });
      });
  }

  private handlersFor(attempt: number): RecognizerHandlers {
    const current = (): ActiveStream | undefined => (this.active?.attempt === attempt && !this.isClosed() ? this.active : undefined);
    return {
      transcript: (transcript) => {
        const active = current();
        if (active === undefined) return;
        this.unansweredSinceMs = undefined;
        const mapped = shift(transcript, active.originMs);
        if (mapped.isFinal) this.settle(mapped.endMs);
        this.deps.listener(this.callId, active.name, { kind: 'transcript', transcript: mapped });
      },
      speechStarted: (offsetMs) => {
        const active = current();
        if (active === undefined) return;
        this.unansweredSinceMs = undefined;
        this.deps.listener(this.callId, active.name, { kind: 'speech-started', offsetMs: active.originMs + offsetMs });
      },
      utteranceEnded: (lastWordEndMs) => {
        const active = current();
        if (active === undefined) return;
        this.unansweredSinceMs = undefined;
        this.deps.listener(this.callId, active.name, { kind: 'utterance-ended', lastWordEndMs: active.originMs + lastWordEndMs });
      },
      failed: (error) => {
        if (current() === undefined) return;
        this.failOver('error', error.message);
      },
    };
  }

  private isClosed(): boolean {
    return this.ended && this.active === undefined;
  }

  private checkSilence(nowMs: number): void {
    if (this.active === undefined || this.unansweredSinceMs === undefined) return;
    if (nowMs - this.unansweredSinceMs <= this.deps.policy.silenceBudgetMs) return;
    this.failOver('silence', `no result within ${this.deps.policy.silenceBudgetMs} ms of speech`);
  }

  private failOver(reason: 'error' | 'silence', detail: string): void {
    const failed = this.active;
    if (failed === undefined) return;
    this.active = undefined;
    failed.stream.close();
    this.deps.chain.reportFailure(failed.name, reason, detail);
    this.deps.logger.warn('recognizer failed; failing over', { callId: this.callId, provider: failed.name, reason });
    if (this.ended) return;
    this.openFrom(failed.index + 1);
  }

  private settle(positionMs: number): void {
    this.settledMs = Math.max(this.settledMs, positionMs);
    this.buffer.dropBefore(this.settledMs);
  }

  private hasUnsettledSpeech(): boolean {
    return this.detector.inSpeech || this.lastVoicedEndMs > this.settledMs;
  }

  /** Keeps the unfinished utterance (bounded), or only a short preroll when nothing is unsettled. */
  private trimBuffer(): void {
    const { prerollMs, replayLimitMs } = this.deps.policy;
    const keepFromMs = this.hasUnsettledSpeech() ? this.positionMs - replayLimitMs : Math.max(this.settledMs, this.positionMs - prerollMs);
    this.buffer.dropBefore(keepFromMs);
  }
}

function shift(transcript: RecognizedTranscript, originMs: number): RecognizedTranscript {
  return { ...transcript, startMs: originMs + transcript.startMs, endMs: originMs + transcript.endMs };
}
