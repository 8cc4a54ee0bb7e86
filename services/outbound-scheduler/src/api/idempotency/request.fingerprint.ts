import { createHash } from 'node:crypto';

/** What makes two POSTs "the same request" for an Idempotency-Key: method, path and body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${text}`, 'utf8').digest('hex');
}
