import { ApiError } from '../http/api.errors';
import type { ApiCaller, ApiRole } from './api.caller';

/** Who may do what: one line per kind of action, read by the controllers. */
export const ROLE_POLICY = {
  manageCampaigns: ['broker', 'admin'],
  readCampaigns: ['broker', 'admin', 'auditor'],
  readCalls: ['broker', 'admin', 'auditor'],
  readAppointments: ['broker', 'admin'],
  readConsents: ['broker', 'admin', 'auditor'],
  readAuditLog: ['admin', 'auditor'],
  addDnc: ['broker', 'admin'],
  readDnc: ['broker', 'admin', 'auditor'],
  removeDnc: ['admin'],
  manageClients: ['broker', 'admin'],
  readClients: ['broker', 'admin'],
} as const satisfies Record<string, readonly ApiRole[]>;

export type ApiAction = keyof typeof ROLE_POLICY;

const ACTION_WORDS: Record<ApiAction, string> = {
  manageCampaigns: 'create or change campaigns',
  readCampaigns: 'read campaigns',
  readCalls: 'read calls',
  readAppointments: 'read appointments',
  readConsents: 'read consents',
  readAuditLog: 'read the audit log',
  addDnc: 'add to the do-not-call list',
  readDnc: 'read the do-not-call list',
  removeDnc: 'remove from the do-not-call list (admins only)',
  manageClients: 'create or import clients',
  readClients: 'read clients',
};

/** A 403 naming the action unless the caller's role may take it. */
export function requireRole(caller: ApiCaller, action: ApiAction): void {
  const allowed: readonly ApiRole[] = ROLE_POLICY[action];
  if (!allowed.includes(caller.role)) throw ApiError.forbidden(`the ${caller.role} role may not ${ACTION_WORDS[action]}`);
}
