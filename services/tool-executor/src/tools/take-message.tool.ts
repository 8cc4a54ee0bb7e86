import { z } from 'zod';
import { e164Phone } from './argument.schemas';
import { writeToolAudit } from './audit.writer';
import { isKnownClient } from './client.query';
import { defineTool, ToolResult } from './tool.definition';

const args = z.strictObject({
  callerName: z.string().trim().min(1).max(200),
  callbackPhone: e164Phone,
  body: z.string().trim().min(1).max(1000),
  urgency: z.enum(['routine', 'urgent']),
  clientId: z.uuid().optional(),
});

/** Leaves a message for the office to call back; an urgent one is marked for the front of the queue. */
export const takeMessageTool = defineTool({
  name: 'take_message',
  description: "Take a message for the office: the caller's name, a callback number, the message and its urgency (routine or urgent).",
  arguments: args,
  sideEffects: true,
  async run(input: z.infer<typeof args>, { session, tenantId, callId }) {
    if (!(await isKnownClient(session, input.clientId))) return ToolResult.error('not_found', 'no client matches');
    const inserted = await session.query<{ id: string }>(
      `INSERT INTO messages (tenant_id, call_id, client_id, caller_name, callback_phone_e164, body, urgency)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [tenantId, callId, input.clientId ?? null, input.callerName, input.callbackPhone, input.body, input.urgency],
    );
    const messageId = String(inserted.rows[0]?.id);
    await writeToolAudit(session, { tenantId, action: 'message.taken', subject: `message:${messageId}`, detail: { callId, urgency: input.urgency } });
    return ToolResult.ok({ messageId, received: true, urgency: input.urgency });
  },
});
