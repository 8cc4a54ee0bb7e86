import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { AgentAudioRecording } from './agent-audio.recording';
import type { CallLegLike } from './call-leg.port';
import { buildCallReport, type CallerAction, type CallReport } from './call.report';
import type { CallerClock } from './caller.clock';
import type { CallerPolicy } from './caller.policy';
import type { CallerVoice } from './caller.voice';

/** A step the persona could not carry out; the run stops and reports it. */
export class PersonaStepFailure extends Error {}

export interface PersonaSessionDeps {
  readonly voice: CallerVoice;
  readonly callerSpeech: Pick<UtteranceRegistry, 'register'>;
  readonly agentSpeech: Pick<UtteranceRegistry, 'match'>;
  readonly clock: CallerClock;
  readonly policy: CallerPolicy;
}

/**
 * The person on one call: what they hear (recorded as it plays), what they say and key, and
 * the waits a person does between those. Steps of a script map onto these actions.
 */
export class PersonaSession {
  private readonly recording: AgentAudioRecording;
  private readonly actions: CallerAction[] = [];
  private readonly stopListening: () => void;
  private readonly startedAtMs: number;
  private endInfo: { reason: string } | undefined;
  private endedAtMs: number | undefined;
  private callerHungUp = false;
  /** Heard pieces before this index are consumed (by a caller action or a matched wait). */
  private heardCursor = 0;
  private lastCallerActionEndMs = Number.NEGATIVE_INFINITY;
  private agentWaitCursorMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly leg: CallLegLike,
    private readonly deps: PersonaSessionDeps,
  ) {
    this.startedAtMs = deps.clock.now();
    this.recording = new AgentAudioRecording(deps.agentSpeech, deps.policy);
    this.stopListening = leg.onAgentAudio((frame, atMs) => this.recording.record(frame, atMs));
    leg.ended.then(
      (info) => this.markEnded(info.reason),
      () => this.markEnded('unknown'),
    );
  }

  get ended(): boolean {
    return this.endInfo !== undefined;
  }

  get endReason(): string | undefined {
    return this.endInfo?.reason;
  }

  async connect(): Promise<void> {
    const timeoutMs = this.deps.policy.connectTimeoutMs;
    const outcome = await this.withTimeout(
      this.leg.mediaConnected.then(() => 'connected', (error: unknown) => String(error)),
      timeoutMs,
    );
    if (outcome !== 'connected') throw new PersonaStepFailure(`media never connected: ${outcome === undefined ? `no media stream within ${timeoutMs} ms` : outcome}`);
  }

  /** Synthesizes `text` and registers it in callerSpeech, ready to send. */
  async prepare(text: string): Promise<Uint8Array> {
    const audio = await this.deps.voice.synthesize(text);
    this.deps.callerSpeech.register(text, audio);
    return audio;
  }

  async say(kind: 'say' | 'interrupt', text: string, audio: Uint8Array): Promise<void> {
    this.assertConnected();
    const startedAtMs = this.deps.clock.now();
    this.heardCursor = this.recording.heard().length;
    await this.leg.sendAudio(audio);
    this.recordAction({ kind, text, startedAtMs, endedAtMs: this.deps.clock.now() });
  }

  async keyDigits(digits: string, gapMs: number): Promise<void> {
    this.assertConnected();
    const startedAtMs = this.deps.clock.now();
    this.heardCursor = this.recording.heard().length;
    for (const [index, digit] of [...digits].entries()) {
      if (index > 0) await this.deps.clock.sleep(gapMs);
      this.leg.sendDtmf(digit);
    }
    this.recordAction({ kind: 'dtmf', digits, startedAtMs, endedAtMs: this.deps.clock.now() });
  }

  /** Waits until the agent has spoken since the caller's last action and then been quiet for `silenceMs`. */
  waitForAgentSilence(silenceMs: number, timeoutMs: number): Promise<void> {
    return this.waitUntil(`${silenceMs} ms of silence after the agent speaks`, timeoutMs, () => {
      const startMs = this.recording.lastAudibleStartMs;
      const endMs = this.recording.lastAudibleEndMs;
      if (startMs === undefined || endMs === undefined || startMs < this.lastCallerActionEndMs) return false;
      return this.deps.clock.now() - endMs >= silenceMs;
    });
  }

  /** Waits until the agent's current turn has been playing for `playedMs`. */
  waitForAgentPlaying(playedMs: number, timeoutMs: number): Promise<void> {
    return this.waitUntil(`an agent turn playing for ${playedMs} ms`, timeoutMs, () => {
      const now = this.deps.clock.now();
      const turnStartMs = this.recording.currentTurnStartMs;
      return this.recording.isPlaying(now) && turnStartMs !== undefined && now - turnStartMs >= playedMs;
    });
  }

  /**
   * Waits until the agent says something matching `heard` (in what it said since the caller's
   * last action or the last match) and that piece has finished playing, or was cut off (the
   * agent's turn ended before its end).
   */
  async waitForAgentToSay(heard: RegExp | string, timeoutMs: number): Promise<void> {
    const matches = matcherOf(heard);
    await this.waitUntil(`the agent to say ${String(heard)}`, timeoutMs, () => {
      const pieces = this.recording.heard().slice(this.heardCursor);
      for (let count = 1; count <= pieces.length; count += 1) {
        if (!matches(pieces.slice(0, count).map((piece) => piece.text).join(' '))) continue;
        const piece = pieces[count - 1];
        const now = this.deps.clock.now();
        if (piece === undefined || now < piece.endedAtMs || (piece.open && this.agentStillTalking(now))) return false;
        this.heardCursor += count;
        return true;
      }
      return false;
    });
  }

  /** Waits until agent audio starts playing after the caller's last action or the last such wait. */
  async waitForAgentToStart(timeoutMs: number): Promise<void> {
    const sinceMs = Math.max(this.lastCallerActionEndMs, this.agentWaitCursorMs);
    await this.waitUntil('the agent to speak', timeoutMs, () => {
      const startMs = this.recording.lastAudibleStartMs;
      return startMs !== undefined && startMs >= sinceMs;
    });
    this.agentWaitCursorMs = this.deps.clock.now();
  }

  /** The agent's turn has not ended: it played within the last agentTurnGapMs (a late frame is not the end). */
  private agentStillTalking(nowMs: number): boolean {
    const endMs = this.recording.lastAudibleEndMs;
    return endMs !== undefined && nowMs - endMs <= this.deps.policy.agentTurnGapMs;
  }

  async pause(durationMs: number): Promise<void> {
    const untilMs = this.deps.clock.now() + durationMs;
    while (!this.ended && this.deps.clock.now() < untilMs) {
      await this.deps.clock.sleep(Math.min(this.deps.policy.pollMs * 10, untilMs - this.deps.clock.now()));
    }
  }

  async expectHangUp(withinMs: number): Promise<void> {
    await this.waitUntil('the agent to hang up', withinMs, () => this.ended);
  }

  async hangUp(): Promise<void> {
    if (this.ended) return;
    this.callerHungUp = true;
    await this.withTimeout(this.leg.hangUp().then(() => this.leg.ended), this.deps.policy.hangUpTimeoutMs);
  }

  /** `promise`'s value, or undefined once `timeoutMs` passed (the timer is cancelled either way). */
  private async withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T | undefined> {
    const timer = new AbortController();
    const timedOut = this.deps.clock.sleep(timeoutMs, timer.signal).then(
      () => undefined,
      () => undefined,
    );
    try {
      return await Promise.race([promise, timedOut]);
    } finally {
      timer.abort();
    }
  }

  /** Stops listening to the agent. */
  stop(): void {
    this.stopListening();
  }

  /** Stops listening and reports the call. */
  finish(failure: string | undefined): CallReport {
    this.stop();
    const endReason = this.endInfo?.reason ?? 'unknown';
    return buildCallReport(
      {
        callSid: this.leg.callSid,
        direction: this.leg.direction,
        startedAtMs: this.startedAtMs,
        endedAtMs: this.endedAtMs ?? this.deps.clock.now(),
        frames: this.recording.frames,
        actions: this.actions,
        hungUpBy: this.callerHungUp || endReason === 'caller-hung-up' ? 'caller' : 'agent',
        endReason,
        failure,
      },
      this.deps.agentSpeech,
      this.deps.policy,
    );
  }

  private recordAction(action: CallerAction): void {
    this.actions.push(action);
    this.lastCallerActionEndMs = action.endedAtMs;
    this.recording.markCallerActionEnded(action.endedAtMs);
  }

  private assertConnected(): void {
    if (this.endInfo !== undefined) throw new PersonaStepFailure(`the call already ended (${this.endInfo.reason})`);
  }

  private async waitUntil(what: string, timeoutMs: number, condition: () => boolean): Promise<void> {
    const deadlineMs = this.deps.clock.now() + timeoutMs;
    for (;;) {
      if (condition()) return;
      if (this.endInfo !== undefined) throw new PersonaStepFailure(`the call ended (${this.endInfo.reason}) while waiting for ${what}`);
      if (this.deps.clock.now() >= deadlineMs) {
        const heard = this.recording.heard().map((piece) => piece.text);
        throw new PersonaStepFailure(`timed out after ${timeoutMs} ms waiting for ${what} (agent said: ${JSON.stringify(heard)})`);
      }
      await this.deps.clock.sleep(this.deps.policy.pollMs);
    }
  }

  private markEnded(reason: string): void {
    if (this.endInfo !== undefined) return;
    this.endInfo = { reason };
    this.endedAtMs = this.deps.clock.now();
  }
}

function matcherOf(heard: RegExp | string): (text: string) => boolean {
  if (typeof heard === 'string') {
    const wanted = heard.toLowerCase();
    return (text) => text.toLowerCase().includes(wanted);
  }
  const pattern = new RegExp(heard.source, heard.flags.replace(/[gy]/g, ''));
  return (text) => pattern.test(text);
}
