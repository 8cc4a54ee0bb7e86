import { apiKeyHash, type SqlDatabase } from '@va/data';
import type { ApiCaller, ApiRole } from './api.caller';

const MAX_KEY_CHARS = 200;
const KEY_CHARS = /^[\x21-\x7e]+$/;

/** The bearer token of an Authorization header, or null when there is none. */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  const token = match?.[1];
  if (token === undefined || token.length > MAX_KEY_CHARS || !KEY_CHARS.test(token)) return null;
  return token;
}

/**
 * The caller an API key belongs to, or null. Keys are looked up by their SHA-256 through the
 * definer function resolve_api_key (no tenant is known yet); comparing digests of a secret
 * leaks nothing useful about the key through timing, so the lookup is an indexed equality.
 */
export async function resolveApiKey(db: SqlDatabase, key: string): Promise<ApiCaller | null> {
  const found = await db.withoutTenant((session) =>
    session.query<{ tenant_id: string; user_id: string; role: ApiRole; broker_id: string | null }>(
      'SELECT tenant_id, user_id, role, broker_id FROM resolve_api_key($1)',
      [apiKeyHash(key)],
    ),
  );
  const row = found.rows[0];
  if (row === undefined) return null;
  return { tenantId: row.tenant_id, userId: row.user_id, role: row.role, brokerId: row.role === 'broker' ? row.broker_id : null };
}
