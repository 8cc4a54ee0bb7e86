import type { ApiCaller } from './api.caller';

/** A SQL condition over positional parameters, with the values of exactly those parameters. */
export interface ScopeCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * What a caller may see, as SQL conditions whose parameters start at `first`. Admins and
 * auditors see the whole tenant (row-level security already confines them to it); a broker
 * sees their own campaigns and the clients assigned to them, and what hangs off those. A broker
 * with no broker row sees no clients.
 */
export function callerScope(caller: ApiCaller, first: number) {
  const role = `$${first}::text`;
  const second = `$${first + 1}::uuid`;
  const third = `$${first + 2}::uuid`;
  const ownClient = (column: string, broker: string) => `${column} IN (SELECT own.id FROM clients own WHERE own.assigned_broker_id = ${broker})`;
  return {
    campaigns: (alias: string): ScopeCondition => ({ sql: `(${role} <> 'broker' OR ${alias}.created_by = ${second})`, params: [caller.role, caller.userId] }),
    clients: (alias: string): ScopeCondition => ({ sql: `(${role} <> 'broker' OR ${alias}.assigned_broker_id = ${second})`, params: [caller.role, caller.brokerId] }),
    calls: (alias: string): ScopeCondition => ({
      sql: `(${role} <> 'broker' OR ${ownClient(`${alias}.client_id`, second)} OR ${alias}.campaign_id IN (SELECT mine.id FROM campaigns mine WHERE mine.created_by = ${third}))`,
      params: [caller.role, caller.brokerId, caller.userId],
    }),
    appointments: (alias: string): ScopeCondition => ({ sql: `(${role} <> 'broker' OR ${alias}.broker_id = ${second})`, params: [caller.role, caller.brokerId] }),
    /** Rows that name a client (consents, ...). */
    clientOwned: (alias: string): ScopeCondition => ({ sql: `(${role} <> 'broker' OR ${ownClient(`${alias}.client_id`, second)})`, params: [caller.role, caller.brokerId] }),
  };
}
