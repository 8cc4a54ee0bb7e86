import { PRODUCTS } from './brokerage.catalog';
import { BROKERAGE } from './brokerage.tenant';
import { ZONES_WITHOUT_PRODUCTS } from './client.mix';
import type { DemoClient } from './clients.generator';
import { fieldContext } from '../crypto/field.context';
import { insertRows } from './rows.inserter';
import type { SeedContext } from './seed.context';
import { seedId } from './seed.ids';
import { SEED_TABLES } from './seed.tables';
import { brokerIdOf, tenantIdOf } from './tenant.writer';

export const productIdOf = (code: string): string => seedId(`${BROKERAGE.key}/product/${code}`);
export const clientIdOf = (client: Pick<DemoClient, 'key'>): string => seedId(`${BROKERAGE.key}/${client.key}`);

/** The dental and vision products with their price ranges per household. */
export async function writeCatalog(context: SeedContext): Promise<number> {
  const tenantId = tenantIdOf(BROKERAGE);
  const products = PRODUCTS.map((product) => ({
    id: productIdOf(product.code),
    tenant_id: tenantId,
    code: product.code,
    name: product.name,
    coverage: product.coverage,
    description: product.description,
  }));
  const prices = PRODUCTS.flatMap((product) =>
    Object.entries(product.pricesCents).map(([household, [min, max]]) => ({
      id: seedId(`${BROKERAGE.key}/product/${product.code}/price/${household}`),
      tenant_id: tenantId,
      product_id: productIdOf(product.code),
      household,
      monthly_min_cents: min,
      monthly_max_cents: max,
    })),
  );
  return (await insertRows(context.session, SEED_TABLES.products, products)) + (await insertRows(context.session, SEED_TABLES.productPrices, prices));
}

/** The clients (date of birth and member ID as field envelopes) and their eligibility per product. */
export async function writeClients(context: SeedContext, clients: readonly DemoClient[]): Promise<number> {
  const tenantId = tenantIdOf(BROKERAGE);
  const dobContext = fieldContext('clients', 'date_of_birth', tenantId);
  const memberContext = fieldContext('clients', 'member_id', tenantId);
  const rows = clients.map((client) => ({
    id: clientIdOf(client),
    tenant_id: tenantId,
    first_name: client.firstName,
    last_name: client.lastName,
    phone_e164: client.phoneE164,
    date_of_birth_enc: context.cipher.encrypt(client.dateOfBirth, dobContext),
    member_id_enc: context.cipher.encrypt(client.memberId, memberContext),
    time_zone: client.timeZone,
    current_plan: client.currentPlan,
    coverage_gaps: client.coverageGaps,
    assigned_broker_id: brokerIdOf(BROKERAGE, client.brokerKey),
    notes: client.notes,
  }));
  const eligibility = clients.flatMap((client) =>
    PRODUCTS.map((product) => {
      const lacksCoverage = client.coverageGaps.includes(product.coverage);
      const soldThere = !ZONES_WITHOUT_PRODUCTS.includes(client.homeZone);
      return {
        tenant_id: tenantId,
        client_id: clientIdOf(client),
        product_id: productIdOf(product.code),
        eligible: lacksCoverage && soldThere,
        reason: !lacksCoverage
          ? `current plan already includes ${product.coverage} coverage`
          : soldThere
            ? `no current ${product.coverage} coverage`
            : "not offered in the client's state",
      };
    }),
  );
  return (await insertRows(context.session, SEED_TABLES.clients, rows)) + (await insertRows(context.session, SEED_TABLES.eligibility, eligibility));
}
