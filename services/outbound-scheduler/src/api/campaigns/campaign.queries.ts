import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { callerScope } from '../auth/caller.scope';
import { ApiError } from '../http/api.errors';
import { decodeCursor, type Page, pageOf } from '../http/page.cursor';
import type { CampaignStatus } from './campaign.schemas';
import { CAMPAIGN_COLUMNS, type CampaignRow, campaignView, type CampaignView } from './campaign.view';

/** The campaign if the caller may see it; 404 otherwise (unknown, another tenant's, another broker's). */
export async function findCampaign(session: SqlSession, caller: ApiCaller, id: string, forUpdate = false): Promise<CampaignRow> {
  const scope = callerScope(caller, 2).campaigns('c');
  const found = await session.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.id = $1 AND ${scope.sql}${forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [id, ...scope.params],
  );
  const row = found.rows[0];
  if (row === undefined) throw ApiError.notFound('campaign');
  return row;
}

export interface CampaignListQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly status?: CampaignStatus | undefined;
}

/** The caller's campaigns, newest first. */
export async function listCampaigns(session: SqlSession, caller: ApiCaller, query: CampaignListQuery): Promise<Page<CampaignView>> {
  const after = decodeCursor(query.cursor);
  const scope = callerScope(caller, 5).campaigns('c');
  const found = await session.query<CampaignRow>(
    `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c
      WHERE ($1::text IS NULL OR c.status = $1)
        AND ($2::timestamptz IS NULL OR (c.created_at, c.id) < ($2::timestamptz, $3::uuid))
        AND ${scope.sql}
      ORDER BY c.created_at DESC, c.id DESC LIMIT $4`,
    [query.status ?? null, after?.at ?? null, after?.id ?? null, query.limit + 1, ...scope.params],
  );
  return pageOf(found.rows, query.limit, (row) => ({ at: row.sort_at, id: row.id }), campaignView);
}
