import type { TenantSpec } from './tenant.writer';

/** Harbor Health Brokers: the demo brokerage, its numbers, users and three brokers. */
export const BROKERAGE: TenantSpec = {
  key: 'harbor-health-brokers',
  name: 'Harbor Health Brokers',
  kind: 'brokerage',
  timeZone: 'America/New_York',
  settings: { flow: { agentName: 'Ava' } },
  phoneNumbers: [
    { e164: '+15550110000', purpose: 'inbound' },
    { e164: '+15550110001', purpose: 'outbound' },
  ],
  users: [
    { role: 'admin', email: 'admin@harborhealth.example', key: 'va_adm_hhb_sandbox_demo_key_only' },
    { role: 'broker', email: 'maria.alvarez@harborhealth.example', key: 'va_brk_hhb_sandbox_demo_key_only' },
    { role: 'auditor', email: 'audit@harborhealth.example', key: 'va_aud_hhb_sandbox_demo_key_only' },
  ],
  brokers: [
    { key: 'maria-alvarez', name: 'Maria Alvarez', phoneE164: '+15550110101', timeZone: 'America/New_York', userEmail: 'maria.alvarez@harborhealth.example' },
    { key: 'james-carter', name: 'James Carter', phoneE164: '+15550110102', timeZone: 'America/Chicago' },
    { key: 'grace-kim', name: 'Grace Kim', phoneE164: '+15550110103', timeZone: 'America/Los_Angeles' },
  ],
  schedule: { weeks: 2, slotMinutes: 30, periods: [{ from: '09:00', to: '17:00' }] },
};
