import { Redis } from 'ioredis';
import type { Logger } from '@va/observability';
import { raceTimeout } from '../async/timeout.race';
import { errorFields, errorMessage } from '../logging/error.fields';

export const REDIS_CLIENT_POLICY = Object.freeze({
  connectTimeoutMs: 2_000,
  initialReconnectDelayMs: 100,
  maxReconnectDelayMs: 2_000,
  /** A command fails after this many reconnects instead of waiting forever. */
  maxRetriesPerRequest: 1,
  quitTimeoutMs: 1_000,
});

function reconnectDelayMs(attempt: number): number {
  const delay = REDIS_CLIENT_POLICY.initialReconnectDelayMs * 2 ** Math.min(attempt - 1, 10);
  return Math.min(delay, REDIS_CLIENT_POLICY.maxReconnectDelayMs);
}

/**
 * A client that starts connecting in the background and reconnects forever with capped
 * backoff; a connection error is logged once per distinct message until it recovers.
 */
export function createRedisClient(url: string, logger: Logger): Redis {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: REDIS_CLIENT_POLICY.connectTimeoutMs,
    maxRetriesPerRequest: REDIS_CLIENT_POLICY.maxRetriesPerRequest,
    retryStrategy: reconnectDelayMs,
  });
  let lastError: string | undefined;
  client.on('error', (error: unknown) => {
    const message = errorMessage(error);
    if (message === lastError) return;
    lastError = message;
    logger.warn('redis connection error', errorFields(error));
  });
  client.on('ready', () => {
    if (lastError !== undefined) logger.info('redis connection recovered');
    lastError = undefined;
  });
  client.connect().catch(() => undefined);
  return client;
}

/** QUIT when connected (bounded in time), otherwise drop the socket and stop reconnecting. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    try {
      await raceTimeout(client.quit(), REDIS_CLIENT_POLICY.quitTimeoutMs, 'redis QUIT');
      return;
    } catch {
      // fall through to a hard disconnect
    }
  }
  client.disconnect();
}
