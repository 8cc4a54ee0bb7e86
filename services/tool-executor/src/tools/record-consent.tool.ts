import { z } from 'zod';
import { writeToolAudit } from './audit.writer';
import { isKnownClient } from './client.query';
import { defineTool, ToolResult } from './tool.definition';

const args = z.strictObject({
  clientId: z.uuid(),
  scope: z.string().trim().regex(/^[a-z][a-z0-9-]{0,49}$/, 'a consent scope such as cross-sell or recording'),
  granted: z.boolean(),
});

/** Appends the client's answer to the consents ledger; the newest row for a scope is the one in force. */
export const recordConsentTool = defineTool({
  name: 'record_consent',
  description: 'Record that the client granted or refused consent for a scope (e.g. cross-sell, recording).',
  arguments: args,
  sideEffects: true,
  async run(input: z.infer<typeof args>, { session, tenantId, callId, now }) {
    if (!(await isKnownClient(session, input.clientId))) return ToolResult.error('not_found', 'no client matches');
    const inserted = await session.query<{ id: string }>(
      'INSERT INTO consents (tenant_id, client_id, scope, granted, call_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [tenantId, input.clientId, input.scope, input.granted, callId, now.toISOString()],
    );
    const consentId = String(inserted.rows[0]?.id);
    await writeToolAudit(session, {
      tenantId,
      action: input.granted ? 'consent.granted' : 'consent.refused',
      subject: `client:${input.clientId}`,
      detail: { callId, consentId, scope: input.scope },
    });
    return ToolResult.ok({ consentId, clientId: input.clientId, scope: input.scope, granted: input.granted, recordedAt: now.toISOString() });
  },
});
