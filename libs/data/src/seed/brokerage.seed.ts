import { writeCatalog, writeClients } from './brokerage-crm.writer';
import { writeOutreach } from './brokerage-outreach.writer';
import { BROKERAGE } from './brokerage.tenant';
import { generateClients } from './clients.generator';
import type { SeedContext } from './seed.context';
import { writeTenant } from './tenant.writer';

export const BROKERAGE_CLIENTS = 200;
/** Clients the CRM holds no time zone for: the dialler derives it from the number. */
export const CLIENTS_WITHOUT_ZONE = 4;

/** Harbor Health Brokers with its brokers' calendars, products, clients, DNC list, consents and a draft campaign. */
export async function seedBrokerage(context: SeedContext): Promise<number> {
  const clients = generateClients(context.random, BROKERAGE_CLIENTS, CLIENTS_WITHOUT_ZONE);
  let inserted = await writeTenant(context.session, BROKERAGE, context.monday);
  inserted += await writeCatalog(context);
  inserted += await writeClients(context, clients);
  inserted += await writeOutreach(context, clients);
  return inserted;
}
