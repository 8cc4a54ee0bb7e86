import { z } from 'zod';
import { defineTool, ToolResult } from './tool.definition';

const args = z.strictObject({
  phoneNumber: z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'an E.164 phone number, e.g. +15551234567'),
  reason: z.string().trim().max(200).default('caller asked not to be called'),
});

/** "Stop calling me": the number goes on the tenant's do-not-call list at once (idempotent). */
export const addToDncTool = defineTool({
  name: 'add_to_dnc',
  description: 'Put the phone number on the do-not-call list at once, when the person asks not to be called again.',
  arguments: args,
  sideEffects: true,
  async run(input: z.infer<typeof args>, { session, tenantId, callId }) {
    const added = await session.query(
      `INSERT INTO dnc_entries (tenant_id, phone_e164, source, call_id) VALUES ($1, $2, 'call', $3) ON CONFLICT (tenant_id, phone_e164) DO NOTHING`,
      [tenantId, input.phoneNumber, callId],
    );
    await session.query(
      `INSERT INTO audit_log (tenant_id, actor, action, subject, detail) VALUES ($1, 'tool-executor', 'dnc.added', 'phone', $2)`,
      [tenantId, JSON.stringify({ callId, alreadyListed: added.rowCount === 0, reason: input.reason })],
    );
    return ToolResult.ok({ added: true, alreadyListed: added.rowCount === 0 });
  },
});
