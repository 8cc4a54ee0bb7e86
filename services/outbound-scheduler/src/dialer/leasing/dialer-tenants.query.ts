import type { SqlDatabase } from '@va/data';

/**
 * Tenants with a running campaign or an attempt in flight. The tenants table is row-secured,
 * so a definer function (migration 0003) is the one cross-tenant read the dialer makes.
 */
export async function dialerTenants(db: SqlDatabase): Promise<string[]> {
  return db.withoutTenant(async (session) => {
    const result = await session.query<{ tenant_id: string }>('SELECT dialer_tenants() AS tenant_id');
    return result.rows.map((row) => row.tenant_id);
  });
}

/** The tenant of one of our call ids, or undefined. */
export async function tenantOfCall(db: SqlDatabase, callId: string): Promise<string | undefined> {
  return db.withoutTenant(async (session) => {
    const result = await session.query<{ tenant_id: string | null }>('SELECT resolve_tenant_by_call($1) AS tenant_id', [callId]);
    return result.rows[0]?.tenant_id ?? undefined;
  });
}
