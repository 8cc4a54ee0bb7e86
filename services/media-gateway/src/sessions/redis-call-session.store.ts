import type { Redis } from 'ioredis';
import { CALL_SESSION_POLICY, type CallSession, type CallSessionStore, callSessionSchema } from './call-session.store';

/** Sessions as JSON under `va:call:<callId>` with a TTL. A value that does not parse counts as absent. */
export class RedisCallSessionStore implements CallSessionStore {
  constructor(private readonly redis: Redis) {}

  async put(session: CallSession): Promise<void> {
    await this.redis.set(this.key(session.callId), JSON.stringify(session), 'EX', CALL_SESSION_POLICY.ttlSeconds);
  }

  async get(callId: string): Promise<CallSession | undefined> {
    const raw = await this.redis.get(this.key(callId));
    if (raw === null) return undefined;
    try {
      const parsed = callSessionSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async remove(callId: string): Promise<void> {
    await this.redis.del(this.key(callId));
  }

  private key(callId: string): string {
    return `${CALL_SESSION_POLICY.keyPrefix}${callId}`;
  }
}
