export interface SessionPolicy {
  /** Time since an unanswered speech onset after which a silent recognizer is failed. */
  readonly silenceBudgetMs: number;
  /** Most audio kept for replay after a failover. */
  readonly replayLimitMs: number;
  /** Audio kept ahead of an utterance's onset when nothing is unsettled. */
  readonly prerollMs: number;
  /** Wait after every recognizer failed before trying the chain again. */
  readonly retryAfterExhaustedMs: number;
  /** KeepAlive cadence while no audio flows to the recognizer. */
  readonly keepAliveIntervalMs: number;
  /** Longest wait for a recognizer's last results at call end. */
  readonly finishTimeoutMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = Object.freeze({
  silenceBudgetMs: 2_000,
  replayLimitMs: 10_000,
  prerollMs: 300,
  retryAfterExhaustedMs: 2_000,
  keepAliveIntervalMs: 4_000,
  finishTimeoutMs: 3_000,
});
