import type { CallSession } from './call-session';

export const SESSION_STORE = Symbol('va:dialog-session-store');

/**
 * Conversation sessions shared by the dialog-manager instances (Redis), or in memory in the
 * embedded mode. Every write is compare-and-set on `version`, so of two instances that loaded
 * the same revision only the first save lands; the other gets a `SessionConflictError`.
 * Each create and save (re)starts the session's time to live.
 *
 * Stored copies are values: what `load` returns is never the object that was saved.
 * Failures are typed `SessionStoreError`s; connection failures surface as the backend's errors.
 */
export interface SessionStore {
  /** The session, or undefined when absent or expired; a stored value that does not parse rejects with `SessionMalformedError`. */
  load(callId: string): Promise<CallSession | undefined>;
  /** Stores the session as version 1; rejects with `SessionAlreadyExistsError` if the call has one. */
  create(session: CallSession): Promise<CallSession>;
  /**
   * Stores the session as version `expectedVersion + 1` if the stored one is still at
   * `expectedVersion` (normally `session.version` as loaded); otherwise rejects with
   * `SessionConflictError`, or `SessionNotFoundError` when it was deleted or expired.
   */
  save(session: CallSession, expectedVersion: number): Promise<CallSession>;
  /** Removes the session; absent is fine. */
  delete(callId: string): Promise<void>;
}

export const SESSION_STORE_POLICY = Object.freeze({
  /** Longer than any call; a session outliving its call expires on its own. */
  ttlMs: 2 * 60 * 60 * 1_000,
  keyPrefix: 'va:dialog:',
});

export interface SessionStoreOptions {
  /** Time to live after each create or save; default `SESSION_STORE_POLICY.ttlMs`. */
  readonly ttlMs?: number;
  /** Clock for `updatedAtMs` (and, in memory, expiry). */
  readonly now?: () => number;
}

export interface ResolvedSessionStoreOptions {
  readonly ttlMs: number;
  readonly now: () => number;
}

export function resolveSessionStoreOptions(options: SessionStoreOptions): ResolvedSessionStoreOptions {
  const ttlMs = options.ttlMs ?? SESSION_STORE_POLICY.ttlMs;
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new Error('session ttlMs must be a positive integer');
  return { ttlMs, now: options.now ?? Date.now };
}

/** The copy a store writes: its revision and the time of the write. */
export function stampSession(session: CallSession, version: number, nowMs: number): CallSession {
  return { ...session, version, updatedAtMs: nowMs };
}
