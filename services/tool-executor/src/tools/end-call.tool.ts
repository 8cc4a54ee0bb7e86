import { z } from 'zod';
import { shortReason } from './argument.schemas';
import { writeToolAudit } from './audit.writer';
import { defineTool, ToolResult } from './tool.definition';

const args = z.strictObject({
  reason: shortReason,
});

/** Ends the call: the result's action tells the dialog to hang up after the goodbye. */
export const endCallTool = defineTool({
  name: 'end_call',
  description: 'Hang up after saying goodbye, with the reason the call is ending.',
  arguments: args,
  sideEffects: true,
  async run(input: z.infer<typeof args>, { session, tenantId, callId }) {
    await writeToolAudit(session, { tenantId, action: 'call.ended_by_agent', subject: `call:${callId}`, detail: { callId, reason: input.reason } });
    return ToolResult.ok({ action: 'hang_up' });
  },
});
