import { DEV_ONLY_FIELD_KEYRING, fieldCipherFromConfig, seedDemo, type DemoSeedReport, type SqlDatabase } from '@va/data';

/** The product the demo campaign offers (the brokerage's dental plan, from the demo seed). */
export const DEMO_PRODUCT_CODE = 'dental-essentials';

/** Loads the demo tenants (Harbor Health Brokers, Riverside Family Clinic) into the embedded database, sealed with the DEV-ONLY keyring. */
export function loadDemoTenants(database: SqlDatabase): Promise<DemoSeedReport> {
  return seedDemo(database, fieldCipherFromConfig(DEV_ONLY_FIELD_KEYRING));
}

/**
 * Eligibility is the carriers' decision, loaded with the CRM (the seed), not something a
 * broker enters; the API has no route for it. The demo records the callees it created as
 * eligible for the campaign's product, as the carrier feed would.
 */
export async function recordEligibility(database: SqlDatabase, tenantId: string, clientIds: readonly string[], productCode: string): Promise<void> {
  await database.inTenant(tenantId, (session) =>
    session.query(
      `INSERT INTO eligibility (tenant_id, client_id, product_id, eligible, reason)
       SELECT $1::uuid, client_id, products.id, true, 'no current dental coverage'
         FROM unnest($2::uuid[]) AS client_id, products WHERE products.tenant_id = $1::uuid AND products.code = $3
       ON CONFLICT DO NOTHING`,
      [tenantId, clientIds, productCode],
    ),
  );
}
