import { DRAFT_CAMPAIGN } from './brokerage.catalog';
import { clientIdOf, productIdOf } from './brokerage-crm.writer';
import { BROKERAGE } from './brokerage.tenant';
import type { DemoClient } from './clients.generator';
import { insertRows } from './rows.inserter';
import type { SeedContext } from './seed.context';
import { seedId } from './seed.ids';
import { SEED_TABLES } from './seed.tables';
import { tenantIdOf, userIdOf } from './tenant.writer';

/** How many clients asked not to be called, refused, or agreed to cross-sell calls. */
export const OUTREACH_MIX = { doNotCall: 10, consentRefused: 6, consentGranted: 30 } as const;

export const CONSENT_SCOPE = 'cross-sell';
const DAY_MS = 86_400_000;
const MAX_CONSENT_AGE_DAYS = 180;

/**
 * The DNC list, consent records (distinct clients from the DNC list, so each dialling rule
 * has its own examples) and the draft campaign.
 */
export async function writeOutreach(context: SeedContext, clients: readonly DemoClient[]): Promise<number> {
  const tenantId = tenantIdOf(BROKERAGE);
  const order = context.random.shuffled(clients);
  const doNotCall = order.slice(0, OUTREACH_MIX.doNotCall);
  const refused = order.slice(doNotCall.length, doNotCall.length + OUTREACH_MIX.consentRefused);
  const granted = order.slice(doNotCall.length + refused.length, doNotCall.length + refused.length + OUTREACH_MIX.consentGranted);
  const consent = (client: DemoClient, isGranted: boolean) => ({
    id: seedId(`${BROKERAGE.key}/${client.key}/consent/${CONSENT_SCOPE}`),
    tenant_id: tenantId,
    client_id: clientIdOf(client),
    scope: CONSENT_SCOPE,
    granted: isGranted,
    recorded_at: new Date(context.now.getTime() - context.random.int(1, MAX_CONSENT_AGE_DAYS) * DAY_MS).toISOString(),
  });
  let inserted = await insertRows(
    context.session,
    SEED_TABLES.dncEntries,
    doNotCall.map((client) => ({ tenant_id: tenantId, phone_e164: client.phoneE164, source: 'client-request' })),
  );
  inserted += await insertRows(context.session, SEED_TABLES.consents, [
    ...refused.map((client) => consent(client, false)),
    ...granted.map((client) => consent(client, true)),
  ]);
  const admin = BROKERAGE.users.find((user) => user.role === 'admin');
  inserted += await insertRows(context.session, SEED_TABLES.campaigns, [
    {
      id: seedId(`${BROKERAGE.key}/campaign/${DRAFT_CAMPAIGN.key}`),
      tenant_id: tenantId,
      name: DRAFT_CAMPAIGN.name,
      product_id: productIdOf(DRAFT_CAMPAIGN.productCode),
      status: 'draft',
      settings: DRAFT_CAMPAIGN.settings,
      created_by: admin === undefined ? null : userIdOf(BROKERAGE, admin.email),
    },
  ]);
  return inserted;
}
