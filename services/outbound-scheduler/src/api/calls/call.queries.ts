import type { SqlSession } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { callerScope } from '../auth/caller.scope';
import { ApiError } from '../http/api.errors';
import { decodeCursor, type Page, pageOf } from '../http/page.cursor';
import { phoneForRole, transcriptForRole } from './call.redaction';
import type { ListCallsQuery } from './call.schemas';

interface CallRow {
  id: string;
  direction: string;
  from_e164: string;
  to_e164: string;
  campaign_id: string | null;
  client_id: string | null;
  started_at: Date;
  ended_at: Date | null;
  outcome: string | null;
  sort_at: string;
}

interface TurnRow {
  turn_index: number;
  speaker: string;
  text: string;
  voice_to_voice_ms: number | null;
  created_at: Date;
}

const CALL_COLUMNS = `k.id, k.direction, k.from_e164, k.to_e164, k.campaign_id, k.client_id, k.started_at, k.ended_at, k.outcome,
  to_json(k.started_at) #>> '{}' AS sort_at`;

function callView(caller: ApiCaller, row: CallRow) {
  return {
    id: row.id,
    direction: row.direction,
    from: phoneForRole(caller.role, row.from_e164),
    to: phoneForRole(caller.role, row.to_e164),
    campaignId: row.campaign_id,
    clientId: row.client_id,
    startedAt: new Date(row.started_at).toISOString(),
    endedAt: row.ended_at === null ? null : new Date(row.ended_at).toISOString(),
    outcome: row.outcome,
  };
}

export async function listCalls(session: SqlSession, caller: ApiCaller, query: ListCallsQuery): Promise<Page<ReturnType<typeof callView>>> {
  const after = decodeCursor(query.cursor, 'text');
  const scope = callerScope(caller, 6).calls('k');
  const found = await session.query<CallRow>(
    `SELECT ${CALL_COLUMNS} FROM calls k
      WHERE ($1::uuid IS NULL OR k.campaign_id = $1) AND ($2::text IS NULL OR k.direction = $2)
        AND ($3::timestamptz IS NULL OR (k.started_at, k.id) < ($3::timestamptz, $4::text))
        AND ${scope.sql}
      ORDER BY k.started_at DESC, k.id DESC LIMIT $5`,
    [query.campaignId ?? null, query.direction ?? null, after?.at ?? null, after?.id ?? null, query.limit + 1, ...scope.params],
  );
  return pageOf(found.rows, query.limit, (row) => ({ at: row.sort_at, id: row.id }), (row) => callView(caller, row));
}

/** One call with its turns, the transcript as the caller's role may see it; 404 outside the caller's scope. */
export async function findCall(session: SqlSession, caller: ApiCaller, id: string) {
  const scope = callerScope(caller, 2).calls('k');
  const found = await session.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls k WHERE k.id = $1 AND ${scope.sql}`, [id, ...scope.params]);
  const call = found.rows[0];
  if (call === undefined) throw ApiError.notFound('call');
  const turns = await session.query<TurnRow>(
    `SELECT turn_index, speaker, text, voice_to_voice_ms, created_at FROM call_turns WHERE call_id = $1 ORDER BY turn_index, created_at`,
    [id],
  );
  return {
    ...callView(caller, call),
    turns: turns.rows.map((turn) => ({
      turnIndex: turn.turn_index,
      speaker: turn.speaker,
      text: transcriptForRole(caller.role, turn.text),
      voiceToVoiceMs: turn.voice_to_voice_ms,
      at: new Date(turn.created_at).toISOString(),
    })),
  };
}
