import { z } from 'zod';
import { e164Phone, shortReason } from './argument.schemas';
import { writeToolAudit } from './audit.writer';
import { isKnownClient } from './client.query';
import { defineTool, ToolResult } from './tool.definition';

const args = z.strictObject({
  phone: e164Phone,
  notBefore: z.iso.datetime({ offset: true }),
  reason: shortReason,
  clientId: z.uuid().optional(),
});

/** Asks the office to call the person back, no earlier than a time in the future. */
export const requestCallbackTool = defineTool({
  name: 'request_callback',
  description: 'Ask for a callback to a phone number, no earlier than notBefore (a future ISO date-time), with the reason.',
  arguments: args,
  sideEffects: true,
  async run(input: z.infer<typeof args>, { session, tenantId, callId, now }) {
    const notBefore = new Date(input.notBefore);
    if (notBefore.getTime() <= now.getTime()) {
      return ToolResult.error('validation_failed', 'some arguments are missing or invalid', { fields: [{ field: 'notBefore', problem: 'must be in the future' }] });
    }
    if (!(await isKnownClient(session, input.clientId))) return ToolResult.error('not_found', 'no client matches');
    const inserted = await session.query<{ id: string }>(
      `INSERT INTO callback_requests (tenant_id, client_id, phone_e164, not_before, reason, status, call_id)
       VALUES ($1, $2, $3, $4, $5, 'open', $6) RETURNING id`,
      [tenantId, input.clientId ?? null, input.phone, notBefore.toISOString(), input.reason, callId],
    );
    const callbackId = String(inserted.rows[0]?.id);
    await writeToolAudit(session, { tenantId, action: 'callback.requested', subject: `callback:${callbackId}`, detail: { callId } });
    return ToolResult.ok({ callbackId, notBefore: notBefore.toISOString(), status: 'open' });
  },
});
