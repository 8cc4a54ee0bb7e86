import type { CallSession } from './call-session';
import { decodeSession, encodeSession } from './session.codec';
import { SessionAlreadyExistsError, SessionConflictError, SessionNotFoundError } from './session-store.errors';
import { type ResolvedSessionStoreOptions, type SessionStore, type SessionStoreOptions, resolveSessionStoreOptions, stampSession } from './session.store';

interface MemoryEntry {
  readonly encoded: string;
  readonly expiresAtMs: number;
}

/**
 * Embedded mode: one process, so sessions live in a map, kept encoded as in Redis (a loaded
 * session is a copy) and expired on access once the injectable clock reaches their TTL.
 */
export class MemorySessionStore implements SessionStore {
  private readonly entries = new Map<string, MemoryEntry>();
  private readonly options: ResolvedSessionStoreOptions;

  constructor(options: SessionStoreOptions = {}) {
    this.options = resolveSessionStoreOptions(options);
  }

  async load(callId: string): Promise<CallSession | undefined> {
    const entry = this.liveEntry(callId);
    return entry === undefined ? undefined : decodeSession(callId, entry.encoded);
  }

  async create(session: CallSession): Promise<CallSession> {
    if (this.liveEntry(session.callId) !== undefined) throw new SessionAlreadyExistsError(session.callId);
    return this.write(session, 1);
  }

  async save(session: CallSession, expectedVersion: number): Promise<CallSession> {
    const entry = this.liveEntry(session.callId);
    if (entry === undefined) throw new SessionNotFoundError(session.callId);
    const stored = decodeSession(session.callId, entry.encoded);
    if (stored.version !== expectedVersion) throw new SessionConflictError(session.callId, expectedVersion, stored.version);
    return this.write(session, expectedVersion + 1);
  }

  async delete(callId: string): Promise<void> {
    this.entries.delete(callId);
  }

  private write(session: CallSession, version: number): CallSession {
    const nowMs = this.options.now();
    const stamped = stampSession(session, version, nowMs);
    this.entries.set(session.callId, { encoded: encodeSession(stamped), expiresAtMs: nowMs + this.options.ttlMs });
    return stamped;
  }

  private liveEntry(callId: string): MemoryEntry | undefined {
    const entry = this.entries.get(callId);
    if (entry === undefined || entry.expiresAtMs > this.options.now()) return entry;
    this.entries.delete(callId);
    return undefined;
  }
}
