import { randomUUID } from 'node:crypto';
import { fieldContext, type FieldCipher, type SqlSession } from '@va/data';
import { runPersona, SignalSynthesizer, twilioClientFor, type CallReport, type PersonaScript } from '@va/sandbox';
import type { VoiceStack } from './voice-stack.test-support';

export const CLIENT_PHONE = '+15550990001';

export interface Seeded {
  clientId: string;
  firstSlot: string;
}

/** A brokerage with Sam Lee, his client Margaret (dental gap, date of birth on file), a dental product and two free slots. */
export async function seedBrokerage(session: SqlSession, tenantId: string, cipher: FieldCipher, seeded: Seeded): Promise<void> {
  const one = async (sql: string, params: unknown[]) => String((await session.query<{ id: string }>(sql, params)).rows[0]?.id);
  const brokerId = await one(`INSERT INTO brokers (tenant_id, name, phone_e164, time_zone) VALUES ($1, 'Sam Lee', '+15550990100', 'America/Chicago') RETURNING id`, [tenantId]);
  seeded.clientId = await one(
    `INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, date_of_birth_enc, time_zone, current_plan, coverage_gaps, assigned_broker_id)
     VALUES ($1, 'Margaret', 'Hale', $2, $3, 'America/Chicago', 'Silver HMO', '{dental}', $4) RETURNING id`,
    [tenantId, CLIENT_PHONE, cipher.encrypt('1952-03-03', fieldContext('clients', 'date_of_birth', tenantId)), brokerId],
  );
  const productId = await one(`INSERT INTO products (tenant_id, code, name, coverage) VALUES ($1, 'dental-plus', 'Dental Plus', 'dental') RETURNING id`, [tenantId]);
  await session.query(`INSERT INTO product_prices (tenant_id, product_id, household, monthly_min_cents, monthly_max_cents) VALUES ($1, $2, 'individual', 2000, 3500)`, [tenantId, productId]);
  await session.query(`INSERT INTO eligibility (tenant_id, client_id, product_id, eligible, reason) VALUES ($1, $2, $3, true, 'no dental coverage on file')`, [tenantId, seeded.clientId, productId]);
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 3);
  day.setUTCHours(16, 0, 0, 0);
  seeded.firstSlot = day.toISOString();
  for (const startsAt of [seeded.firstSlot, new Date(day.getTime() + 90 * 60_000).toISOString()]) {
    await session.query(`INSERT INTO broker_slots (tenant_id, broker_id, starts_at, ends_at) VALUES ($1, $2, $3, $3::timestamptz + interval '30 minutes')`, [tenantId, brokerId, startsAt]);
  }
}

/**
 * Places the outbound call to the client through the Twilio stand-in (a calls row first, as the
 * dialer does) and plays `script` as the client who answers.
 */
export async function callClient(stack: VoiceStack, seeded: Seeded, script: PersonaScript): Promise<CallReport> {
  const callId = `call_${randomUUID()}`;
  const from = stack.gateways[0]?.phoneNumber ?? '';
  await stack.database.inTenant(stack.tenantId, (session) =>
    session.query(`INSERT INTO calls (id, tenant_id, direction, from_e164, to_e164, client_id) VALUES ($1, $2, 'outbound', $3, $4, $5)`, [callId, stack.tenantId, from, CLIENT_PHONE, seeded.clientId]),
  );
  const report = new Promise<CallReport>((resolve, reject) => {
    stack.sandbox.twilio.onOutboundCall(() => ({
      kind: 'answer',
      by: 'human',
      onLeg: (leg) => void runPersona(leg, script, { voice: new SignalSynthesizer(), callerSpeech: stack.sandbox.callerSpeech, agentSpeech: stack.sandbox.agentSpeech }).then(resolve, reject),
    }));
  });
  const { credentials } = stack.sandbox;
  const twilio = twilioClientFor({ url: stack.sandbox.twilio.url, accountSid: credentials.twilioAccountSid, authToken: credentials.twilioAuthToken });
  await twilio.calls.create({ to: CLIENT_PHONE, from, url: `${stack.gateways[0]?.baseUrl ?? ''}/twilio/voice?callId=${callId}` });
  return report;
}

/** The verified client's way through the flow up to the offer: pick-up, consent, date of birth and its read-back. */
export function clientUpToOffer(timeoutMs: number): PersonaScript {
  return [
    { waitForAgent: { heard: /May I speak with Margaret/, timeoutMs } },
    { say: 'yes, speaking', afterAgentSilenceMs: 300 },
    { waitForAgent: { heard: /couple of minutes/, timeoutMs } },
    { say: 'sure', afterAgentSilenceMs: 300 },
    { waitForAgent: { heard: /date of birth/, timeoutMs } },
    { say: 'march third fifty two', afterAgentSilenceMs: 300 },
    { waitForAgent: { heard: /March 3rd, 1952/, timeoutMs } },
    { say: 'yes', afterAgentSilenceMs: 300 },
    { waitForAgent: { heard: /Dental Plus/, timeoutMs } },
  ];
}
