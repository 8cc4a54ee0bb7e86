import { CALL_SESSION_POLICY, type CallSession, type CallSessionStore } from './call-session.store';

/** Embedded mode: one process, so sessions live in a map (expired on read after the TTL). */
export class MemoryCallSessionStore implements CallSessionStore {
  private readonly sessions = new Map<string, { readonly session: CallSession; readonly expiresAtMs: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async put(session: CallSession): Promise<void> {
    this.sessions.set(session.callId, { session, expiresAtMs: this.now() + CALL_SESSION_POLICY.ttlSeconds * 1_000 });
  }

  async get(callId: string): Promise<CallSession | undefined> {
    const entry = this.sessions.get(callId);
    if (entry === undefined) return undefined;
    if (entry.expiresAtMs > this.now()) return entry.session;
    this.sessions.delete(callId);
    return undefined;
  }

  async remove(callId: string): Promise<void> {
    this.sessions.delete(callId);
  }
}
