import { RecentSet } from './recent.set';
import type { TurnPlayback } from './turn.playback';

/** What the service holds for one live call: its open turns, closed turn ids and its sticky provider. */
export class CallSpeech {
  readonly turns = new Map<string, TurnPlayback>();
  private readonly closedTurns: RecentSet;
  /** The chain position this call's segments start at; moves down the chain after a failover, never back. */
  private stickyFrom = 0;

  constructor(closedTurnsRemembered: number) {
    this.closedTurns = new RecentSet(closedTurnsRemembered);
  }

  get startIndex(): number {
    return this.stickyFrom;
  }

  /** A segment of this call was spoken by the provider at `providerIndex`. */
  spokenBy(providerIndex: number): void {
    this.stickyFrom = Math.max(this.stickyFrom, providerIndex);
  }

  isClosed(turnId: string): boolean {
    return this.closedTurns.has(turnId);
  }

  close(turnId: string): void {
    this.turns.delete(turnId);
    this.closedTurns.add(turnId);
  }

  get isIdle(): boolean {
    return [...this.turns.values()].every((turn) => !turn.hasRunningSegments);
  }
}
