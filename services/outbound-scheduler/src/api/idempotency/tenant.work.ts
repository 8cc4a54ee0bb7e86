import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase, SqlSession } from '@va/data';
import { SQL_DATABASE } from '@va/service-kit';
import type { ApiCaller } from '../auth/api.caller';
import { ApiError } from '../http/api.errors';
import type { ApiResult } from './api.result';
import { requestFingerprint } from './request.fingerprint';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** A POST as the idempotency store sees it. */
export interface PostRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly idempotencyKey: string | string[] | undefined;
}

interface StoredResult {
  request_hash: string;
  status_code: number | null;
  body: unknown;
}

/**
 * The API's transactions: plain ones in the caller's tenant, and POSTs under an optional
 * Idempotency-Key. A key is claimed first, in the request's own transaction, so a concurrent
 * repeat waits on the key's unique index and then replays the committed result instead of
 * running again; a refusal (4xx) is stored too, in a transaction of its own.
 */
@Injectable()
export class TenantWork {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  run<T>(caller: ApiCaller, work: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.db.inTenant(caller.tenantId, work);
  }

  async post(caller: ApiCaller, request: PostRequest, work: (session: SqlSession) => Promise<ApiResult>): Promise<ApiResult> {
    const key = idempotencyKeyOf(request.idempotencyKey);
    if (key === null) return this.db.inTenant(caller.tenantId, work);
    const hash = requestFingerprint(request.method, request.path, request.body);
    try {
      return await this.db.inTenant(caller.tenantId, async (session) => {
        const claimed = await session.query(
          `INSERT INTO api_idempotency_keys (tenant_id, user_id, idempotency_key, request_hash) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [caller.tenantId, caller.userId, key, hash],
        );
        if (claimed.rowCount === 0) return replay(session, caller, key, hash);
        const result = await work(session);
        await storeResult(session, caller, key, result);
        return result;
      });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      return this.db.inTenant(caller.tenantId, async (session) => {
        const claimed = await session.query(
          `INSERT INTO api_idempotency_keys (tenant_id, user_id, idempotency_key, request_hash, status_code, body) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [caller.tenantId, caller.userId, key, hash, error.status, JSON.stringify(error.body)],
        );
        if (claimed.rowCount === 0) return replay(session, caller, key, hash);
        throw error;
      });
    }
  }
}

/** The key of the header, null when absent, a 400 when malformed. */
function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
    throw ApiError.invalidField('header.Idempotency-Key', 'must be 1 to 200 visible ASCII characters, sent once');
  }
  return header;
}

async function storeResult(session: SqlSession, caller: ApiCaller, key: string, result: ApiResult): Promise<void> {
  await session.query(
    `UPDATE api_idempotency_keys SET status_code = $4, body = $5 WHERE tenant_id = $1 AND user_id = $2 AND idempotency_key = $3`,
    [caller.tenantId, caller.userId, key, result.status, JSON.stringify(result.body)],
  );
}

async function replay(session: SqlSession, caller: ApiCaller, key: string, hash: string): Promise<ApiResult> {
  const found = await session.query<StoredResult>(
    `SELECT request_hash, status_code, body FROM api_idempotency_keys WHERE tenant_id = $1 AND user_id = $2 AND idempotency_key = $3`,
    [caller.tenantId, caller.userId, key],
  );
  const stored = found.rows[0];
  if (stored === undefined || stored.status_code === null) throw ApiError.conflict('a request with this Idempotency-Key is still in progress');
  if (stored.request_hash !== hash) {
    throw new ApiError(422, { error: 'idempotency_key_reused', message: 'this Idempotency-Key was used with a different request' });
  }
  if (stored.status_code >= 400) throw new ApiError(stored.status_code, stored.body as ApiError['body']);
  return { status: stored.status_code, body: stored.body, replayed: true };
}
