import type { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * What the dialog-manager learns about a call when it starts and needs on every later event,
 * whichever instance handles it: the other party's number and, outbound, the client.
 * PHI (a phone number): stored with the session's protection, never logged.
 */
export interface CallInfo {
  readonly callId: string;
  readonly tenantId: string;
  readonly remoteNumber: string;
  readonly clientId: string | null;
}

export interface CallInfoStore {
  put(info: CallInfo): Promise<void>;
  get(callId: string): Promise<CallInfo | undefined>;
  delete(callId: string): Promise<void>;
}

const callInfoSchema = z.strictObject({ callId: z.string(), tenantId: z.string(), remoteNumber: z.string(), clientId: z.string().nullable() });

const DEFAULT_TTL_MS = 2 * 60 * 60 * 1_000;

export class MemoryCallInfoStore implements CallInfoStore {
  private readonly entries = new Map<string, CallInfo>();

  async put(info: CallInfo): Promise<void> {
    this.entries.set(info.callId, { ...info });
  }

  async get(callId: string): Promise<CallInfo | undefined> {
    return this.entries.get(callId);
  }

  async delete(callId: string): Promise<void> {
    this.entries.delete(callId);
  }
}

/** Redis keys `va:dialog-call:<callId>` with the session's TTL; an unreadable value reads as absent. */
export class RedisCallInfoStore implements CallInfoStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly keyPrefix = 'va:dialog-call:',
  ) {}

  async put(info: CallInfo): Promise<void> {
    await this.redis.set(this.keyPrefix + info.callId, JSON.stringify(info), 'PX', this.ttlMs);
  }

  async get(callId: string): Promise<CallInfo | undefined> {
    const raw = await this.redis.get(this.keyPrefix + callId);
    if (raw === null) return undefined;
    try {
      const parsed = callInfoSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async delete(callId: string): Promise<void> {
    await this.redis.del(this.keyPrefix + callId);
  }
}
