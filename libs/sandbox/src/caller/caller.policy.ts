/** How the simulated caller listens and how long it waits. */
export interface CallerPolicy {
  /** Agent silence longer than this ends an agent turn. */
  readonly agentTurnGapMs: number;
  /** Lateness of an agent frame beyond its predecessor's end that is still not dead air. */
  readonly gapToleranceMs: number;
  /** Default limit for a say/interrupt step's wait for the agent. */
  readonly stepTimeoutMs: number;
  /** Limit for the media stream to connect. */
  readonly connectTimeoutMs: number;
  /** Limit for the call to end after the caller hangs up. */
  readonly hangUpTimeoutMs: number;
  /** Default pause between DTMF keys. */
  readonly dtmfGapMs: number;
  /** How often waits re-check what has been heard. */
  readonly pollMs: number;
}

export const DEFAULT_CALLER_POLICY: CallerPolicy = Object.freeze({
  agentTurnGapMs: 700,
  gapToleranceMs: 30,
  stepTimeoutMs: 15_000,
  connectTimeoutMs: 10_000,
  hangUpTimeoutMs: 5_000,
  dtmfGapMs: 150,
  pollMs: 5,
});
