import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { AgentSpeechRecognizer, type HeardPiece } from './agent-speech.recognizer';
import { agentFrameOf, type AgentFrame, opensAgentTurn } from './agent-turn.rules';
import type { CallerPolicy } from './caller.policy';

/**
 * Everything the caller's phone played from the agent, kept with its play-out times, plus what
 * a listener knows at each moment: whether the agent is talking, since when, and what it said.
 */
export class AgentAudioRecording {
  private readonly recorded: AgentFrame[] = [];
  private readonly live: AgentSpeechRecognizer;
  private lastAudible: AgentFrame | undefined;
  private turnStartMs: number | undefined;
  private callerActionEndedAtMs = Number.NEGATIVE_INFINITY;

  constructor(
    agentSpeech: Pick<UtteranceRegistry, 'match'>,
    private readonly policy: Pick<CallerPolicy, 'agentTurnGapMs' | 'gapToleranceMs'>,
  ) {
    this.live = new AgentSpeechRecognizer(agentSpeech);
  }

  record(audio: Uint8Array, atMs: number): void {
    const frame = agentFrameOf(audio, atMs);
    this.recorded.push(frame);
    this.live.push(frame.audio, atMs);
    if (!frame.audible) return;
    const previousEndMs = this.lastAudible === undefined ? undefined : this.lastAudible.atMs + this.lastAudible.durationMs;
    const actionInPause = previousEndMs !== undefined && this.callerActionEndedAtMs > previousEndMs;
    if (opensAgentTurn(previousEndMs, atMs, actionInPause, this.policy)) this.turnStartMs = atMs;
    this.lastAudible = frame;
  }

  markCallerActionEnded(atMs: number): void {
    this.callerActionEndedAtMs = atMs;
  }

  get frames(): readonly AgentFrame[] {
    return this.recorded;
  }

  /** When the latest audible agent frame started playing. */
  get lastAudibleStartMs(): number | undefined {
    return this.lastAudible?.atMs;
  }

  get lastAudibleEndMs(): number | undefined {
    return this.lastAudible === undefined ? undefined : this.lastAudible.atMs + this.lastAudible.durationMs;
  }

  /** Agent audio is playing at `nowMs` (the next frame is due, give or take the tolerance). */
  isPlaying(nowMs: number): boolean {
    const endMs = this.lastAudibleEndMs;
    return endMs !== undefined && nowMs - endMs <= this.policy.gapToleranceMs;
  }

  /** Start of the agent turn the latest audible frame belongs to. */
  get currentTurnStartMs(): number | undefined {
    return this.turnStartMs;
  }

  heard(): HeardPiece[] {
    return this.live.pieces();
  }
}
