import type { Redis } from 'ioredis';
import type { CallSession } from './call-session';
import { SESSION_CAS_SCRIPT, parseSessionCasReply } from './session-cas.script';
import { decodeSession, encodeSession } from './session.codec';
import { SessionAlreadyExistsError, SessionConflictError, SessionMalformedError, SessionNotFoundError } from './session-store.errors';
import {
  type ResolvedSessionStoreOptions,
  SESSION_STORE_POLICY,
  type SessionStore,
  type SessionStoreOptions,
  resolveSessionStoreOptions,
  stampSession,
} from './session.store';

export interface RedisSessionStoreOptions extends SessionStoreOptions {
  /** Default `va:dialog:`; tests use a prefix of their own. */
  readonly keyPrefix?: string;
}

/**
 * Sessions as JSON under `<keyPrefix><callId>` with a millisecond TTL restarted by every write.
 * Create is `SET NX`; save is a Lua compare-and-set on the stored `version`, atomic in Redis.
 *
 * PHI: a stored session holds slot values (dates of birth, member IDs) and what the caller
 * said. The operator must run this Redis access-controlled (AUTH/ACL, private network, TLS)
 * and encrypted at rest; this class never logs session contents, and its errors name the
 * call ID only.
 */
export class RedisSessionStore implements SessionStore {
  private readonly options: ResolvedSessionStoreOptions;
  private readonly keyPrefix: string;

  constructor(
    private readonly redis: Redis,
    options: RedisSessionStoreOptions = {},
  ) {
    this.options = resolveSessionStoreOptions(options);
    this.keyPrefix = options.keyPrefix ?? SESSION_STORE_POLICY.keyPrefix;
  }

  async load(callId: string): Promise<CallSession | undefined> {
    const raw = await this.redis.get(this.key(callId));
    return raw === null ? undefined : decodeSession(callId, raw);
  }

  async create(session: CallSession): Promise<CallSession> {
    const stamped = stampSession(session, 1, this.options.now());
    const reply = await this.redis.set(this.key(session.callId), encodeSession(stamped), 'PX', this.options.ttlMs, 'NX');
    if (reply === null) throw new SessionAlreadyExistsError(session.callId);
    return stamped;
  }

  async save(session: CallSession, expectedVersion: number): Promise<CallSession> {
    const stamped = stampSession(session, expectedVersion + 1, this.options.now());
    const reply = parseSessionCasReply(
      await this.redis.eval(
        SESSION_CAS_SCRIPT,
        1,
        this.key(session.callId),
        String(expectedVersion),
        encodeSession(stamped),
        String(this.options.ttlMs),
      ),
    );
    switch (reply.status) {
      case 'ok':
        return stamped;
      case 'missing':
        throw new SessionNotFoundError(session.callId);
      case 'malformed':
        throw new SessionMalformedError(session.callId, ['version']);
      case 'conflict':
        throw new SessionConflictError(session.callId, expectedVersion, reply.storedVersion);
    }
  }

  async delete(callId: string): Promise<void> {
    await this.redis.del(this.key(callId));
  }

  private key(callId: string): string {
    return `${this.keyPrefix}${callId}`;
  }
}
