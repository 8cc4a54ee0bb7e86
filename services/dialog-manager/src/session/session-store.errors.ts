/**
 * Why a session store refused an operation. Messages name the call ID only, never session
 * contents (slots and history hold PHI).
 */
export type SessionStoreErrorCode = 'conflict' | 'already-exists' | 'not-found' | 'malformed';

export abstract class SessionStoreError extends Error {
  abstract readonly code: SessionStoreErrorCode;
  /** True when reloading the session and applying the change again can succeed. */
  abstract readonly retryable: boolean;

  protected constructor(
    readonly callId: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Another instance saved the session first: reload, re-apply, save again. */
export class SessionConflictError extends SessionStoreError {
  readonly code = 'conflict';
  readonly retryable = true;

  constructor(
    callId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(callId, `session ${callId} is at version ${actualVersion}, not the expected ${expectedVersion}`);
  }
}

export class SessionAlreadyExistsError extends SessionStoreError {
  readonly code = 'already-exists';
  readonly retryable = false;

  constructor(callId: string) {
    super(callId, `session ${callId} already exists`);
  }
}

/** Saving a session that was deleted or expired. */
export class SessionNotFoundError extends SessionStoreError {
  readonly code = 'not-found';
  readonly retryable = false;

  constructor(callId: string) {
    super(callId, `session ${callId} does not exist (deleted or expired)`);
  }
}

/** The stored value is not a session this code can read (corrupt, or an unknown format). */
export class SessionMalformedError extends SessionStoreError {
  readonly code = 'malformed';
  readonly retryable = false;

  constructor(
    callId: string,
    /** Where the value failed to parse, e.g. `counters.turn`; never the values themselves. */
    readonly problemPaths: readonly string[],
  ) {
    const where = problemPaths.length > 0 ? ` at ${problemPaths.join(', ')}` : '';
    super(callId, `stored session ${callId} is malformed${where}`);
  }
}

export function isSessionConflict(error: unknown): error is SessionConflictError {
  return error instanceof SessionConflictError;
}
