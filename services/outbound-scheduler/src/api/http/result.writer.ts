import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiResult } from '../idempotency/api.result';
import type { PostRequest } from '../idempotency/tenant.work';

/** Writes a handler's result (its own status, replays marked) as JSON. */
export function writeResult(response: ServerResponse, result: ApiResult): void {
  response.statusCode = result.status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  if (result.replayed === true) response.setHeader('idempotent-replayed', 'true');
  response.end(JSON.stringify(result.body));
}

/** A POST as the idempotency store identifies it. */
export function postRequestOf(request: IncomingMessage, body: unknown): PostRequest {
  return {
    method: request.method ?? 'POST',
    path: (request.url ?? '').split('?')[0] ?? '',
    body,
    idempotencyKey: request.headers['idempotency-key'],
  };
}
