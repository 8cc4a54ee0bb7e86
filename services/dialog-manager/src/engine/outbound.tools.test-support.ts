import { BROKER_ID, CLIENT_ID, failed, ok, type CannedTool } from './engine.harness.test-support';

/** Synthetic client data (no real PHI). */
export const CLIENT = {
  firstName: 'Margaret',
  currentPlan: 'Silver Health',
  coverageGap: 'dental',
  dateOfBirth: '1952-03-03',
  brokerName: 'Sam Lee',
} as const;

/** Tuesday June 3rd 10 AM and Wednesday June 4th 2:30 PM in New York; then Thursday 9 AM. */
export const FREE_SLOTS = ['2025-06-03T14:00:00.000Z', '2025-06-04T18:30:00.000Z'] as const;
export const LATER_SLOT = '2025-06-05T13:00:00.000Z';

export function outboundTools(overrides: Readonly<Record<string, CannedTool>> = {}): Record<string, CannedTool> {
  return {
    get_client_profile: (args) =>
      ok({
        clientId: CLIENT_ID,
        firstName: CLIENT.firstName,
        currentPlan: CLIENT.currentPlan,
        coverageGaps: [CLIENT.coverageGap],
        timeZone: 'America/New_York',
        assignedBroker: { brokerId: BROKER_ID, name: CLIENT.brokerName },
        ...(args['dateOfBirth'] === undefined ? {} : { dateOfBirthCheck: args['dateOfBirth'] === CLIENT.dateOfBirth ? 'match' : 'mismatch' }),
      }),
    record_consent: (args) => ok({ consentId: '1', granted: args['granted'] }),
    check_eligibility: () => ok({ clientId: CLIENT_ID, eligible: true, reason: 'eligible', product: { code: 'DENTAL-PLUS', name: 'Dental Plus', coverage: 'dental' } }),
    get_product_pricing: () => ok({ household: 'individual', prices: [{ productCode: 'DENTAL-PLUS', productName: 'Dental Plus', coverage: 'dental', monthlyMinUsd: 20, monthlyMaxUsd: 35 }] }),
    check_broker_availability: () => ok({ brokerId: BROKER_ID, brokerName: CLIENT.brokerName, timeZone: 'America/Chicago', slots: FREE_SLOTS.map((startsAt) => ({ startsAt, endsAt: startsAt })) }),
    schedule_appointment: (args) => ok({ appointmentId: '44444444-4444-4444-8444-444444444444', brokerId: BROKER_ID, startsAt: args['startsAt'], endsAt: args['startsAt'] }),
    cancel_appointment: () => ok({ cancelled: true }),
    add_to_dnc: () => ok({ added: true, alreadyListed: false }),
    transfer_to_human: () => ok({ action: 'transfer', target: '+15559870000', targetKind: 'broker' }),
    request_callback: (args) => ok({ callbackId: '5', notBefore: args['notBefore'], status: 'open' }),
    ...overrides,
  };
}

export { failed };
