export type ApiRole = 'broker' | 'admin' | 'auditor';

/** Who is calling, resolved from the API key; every query then runs in the caller's tenant. */
export interface ApiCaller {
  readonly tenantId: string;
  readonly userId: string;
  readonly role: ApiRole;
  /** The broker row whose user is this caller (brokers only; null when the user has none). */
  readonly brokerId: string | null;
}

/** How the API names the caller in audit_log.actor. */
export function auditActor(caller: ApiCaller): string {
  return `api-user:${caller.userId}`;
}
