import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '@va/data';
import { SQL_DATABASE } from '@va/service-kit';

/** An outbound call the scheduler created, as the answered-call webhook finds it. */
export interface OutboundCallRow {
  readonly id: string;
  readonly fromE164: string;
  readonly toE164: string;
  readonly campaignId: string | null;
  readonly attemptId: string | null;
  readonly clientId: string | null;
}

export interface NewInboundCall {
  readonly id: string;
  readonly tenantId: string;
  readonly callSid: string;
  readonly fromE164: string;
  readonly toE164: string;
}

/** The gateway's reads and writes of calls; every statement runs scoped to the call's tenant. */
@Injectable()
export class CallsRepository {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  /** The tenant owning a phone number (a definer function: before the tenant is known no tenant row is visible). */
  async tenantForNumber(e164: string): Promise<string | undefined> {
    return this.db.withoutTenant(async (session) => {
      const result = await session.query<{ tenant_id: string | null }>('SELECT resolve_tenant_by_number($1) AS tenant_id', [e164]);
      return result.rows[0]?.tenant_id ?? undefined;
    });
  }

  async insertInbound(call: NewInboundCall): Promise<void> {
    await this.db.inTenant(call.tenantId, (session) =>
      session.query(
        `INSERT INTO calls (id, tenant_id, direction, provider_call_id, from_e164, to_e164) VALUES ($1, $2, 'inbound', $3, $4, $5)`,
        [call.id, call.tenantId, call.callSid, call.fromE164, call.toE164],
      ),
    );
  }

  /** The outbound call row, now carrying the provider's call id; undefined when no such open outbound call exists. */
  async answerOutbound(tenantId: string, callId: string, callSid: string): Promise<OutboundCallRow | undefined> {
    return this.db.inTenant(tenantId, async (session) => {
      const result = await session.query<{ id: string; from_e164: string; to_e164: string; campaign_id: string | null; attempt_id: string | null; client_id: string | null }>(
        `UPDATE calls SET provider_call_id = $2 WHERE id = $1 AND direction = 'outbound' AND ended_at IS NULL
         RETURNING id, from_e164, to_e164, campaign_id, attempt_id, client_id`,
        [callId, callSid],
      );
      const row = result.rows[0];
      return row === undefined ? undefined : { id: row.id, fromE164: row.from_e164, toE164: row.to_e164, campaignId: row.campaign_id, attemptId: row.attempt_id, clientId: row.client_id };
    });
  }

  async callIdForProviderCall(tenantId: string, callSid: string): Promise<string | undefined> {
    return this.db.inTenant(tenantId, async (session) => {
      const result = await session.query<{ id: string }>('SELECT id FROM calls WHERE provider_call_id = $1', [callSid]);
      return result.rows[0]?.id;
    });
  }

  /** Sets ended_at (and the outcome, when none is recorded yet) once; later calls change nothing. */
  async markEnded(tenantId: string, callId: string, outcome: string): Promise<void> {
    await this.db.inTenant(tenantId, (session) =>
      session.query('UPDATE calls SET ended_at = now(), outcome = COALESCE(outcome, $2) WHERE id = $1 AND ended_at IS NULL', [callId, outcome]),
    );
  }
}
