import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { callerScope } from '../auth/caller.scope';
import { ApiError, type FieldProblem } from '../http/api.errors';
import type { CampaignTargets } from './campaign.schemas';

const MAX_REPORTED_UNKNOWN = 20;

/**
 * The client ids a campaign's targets select, among the clients the caller may see. Listed ids
 * the caller cannot see are refused as unknown (the same words for another tenant's and for
 * none at all); a selection of nobody is refused.
 */
export async function resolveCampaignTargets(session: SqlSession, caller: ApiCaller, targets: CampaignTargets): Promise<string[]> {
  const scope = callerScope(caller, 2).clients('c');
  if (targets.clientIds !== undefined) {
    const wanted = [...new Set(targets.clientIds.map((id) => id.toLowerCase()))];
    const found = await session.query<{ id: string }>(`SELECT c.id FROM clients c WHERE c.id = ANY($1::uuid[]) AND ${scope.sql}`, [wanted, ...scope.params]);
    const known = new Set(found.rows.map((row) => row.id));
    const unknown: FieldProblem[] = targets.clientIds
      .map((id, index) => ({ id: id.toLowerCase(), index }))
      .filter(({ id }) => !known.has(id))
      .slice(0, MAX_REPORTED_UNKNOWN)
      .map(({ index }) => ({ path: `targets.clientIds.${index}`, message: 'unknown client' }));
    if (unknown.length > 0) throw ApiError.invalid(unknown);
    return wanted;
  }
  if (targets.brokerId !== undefined) await requireVisibleBroker(session, caller, targets.brokerId);
  const gapScope = callerScope(caller, 3).clients('c');
  const found = await session.query<{ id: string }>(
    `SELECT c.id FROM clients c WHERE $1::text = ANY(c.coverage_gaps) AND ($2::uuid IS NULL OR c.assigned_broker_id = $2) AND ${gapScope.sql}
      ORDER BY c.created_at, c.id`,
    [targets.coverageGap, targets.brokerId ?? null, ...gapScope.params],
  );
  if (found.rows.length === 0) throw ApiError.invalidField('targets', 'selects no clients');
  return found.rows.map((row) => row.id);
}

/** A broker id the caller may target: any of the tenant's for an admin, their own for a broker. */
async function requireVisibleBroker(session: SqlSession, caller: ApiCaller, brokerId: string): Promise<void> {
  const found = await session.query(`SELECT 1 FROM brokers b WHERE b.id = $1 AND ($2::text <> 'broker' OR b.id = $3::uuid)`, [brokerId, caller.role, caller.brokerId]);
  if (found.rows.length === 0) throw ApiError.invalidField('targets.brokerId', 'unknown broker');
}
