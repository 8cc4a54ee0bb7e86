import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { ApiError } from '../http/api.errors';

/**
 * Who a new client is assigned to: a broker's clients to that broker (naming anyone else is a
 * field error), an admin's to the named broker of the tenant or nobody. Returns a function
 * giving the broker id, or an error message for the assignedBrokerId field.
 */
export async function clientAssigner(
  session: SqlSession,
  caller: ApiCaller,
  requested: readonly (string | undefined)[],
): Promise<(assignedBrokerId: string | undefined) => { brokerId: string | null } | { error: string }> {
  if (caller.role === 'broker') {
    const own = caller.brokerId;
    if (own === null) throw ApiError.forbidden('this broker user has no broker profile to assign clients to');
    return (asked) => (asked === undefined || asked.toLowerCase() === own ? { brokerId: own } : { error: 'a broker may assign clients only to themselves' });
  }
  const named = [...new Set(requested.filter((id): id is string => id !== undefined).map((id) => id.toLowerCase()))];
  const found = named.length === 0 ? { rows: [] } : await session.query<{ id: string }>('SELECT id FROM brokers WHERE id = ANY($1::uuid[])', [named]);
  const known = new Set(found.rows.map((row) => row.id));
  return (asked) => (asked === undefined ? { brokerId: null } : known.has(asked.toLowerCase()) ? { brokerId: asked.toLowerCase() } : { error: 'unknown broker' });
}
