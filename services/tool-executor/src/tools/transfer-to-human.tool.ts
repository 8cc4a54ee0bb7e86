import { z } from 'zod';
import type { SqlSession } from '@va/data';
import { e164Phone, shortReason } from './argument.schemas';
import { writeToolAudit } from './audit.writer';
import { findBroker } from './broker.query';
import { findClient } from './client.query';
import { defineTool, ToolResult } from './tool.definition';

const args = z.strictObject({
  reason: shortReason,
  clientId: z.uuid().optional(),
  target: z.enum(['broker', 'office']).default('broker'),
});

type Destination = { readonly kind: 'broker' | 'office'; readonly phoneNumber: string };

/**
 * Hands the call to a person. The number comes from the tenant's records, never from the
 * model: the client's assigned broker (active, with a phone) unless the office is asked for,
 * else the tenant's transfer number (settings.transferNumber).
 */
export const transferToHumanTool = defineTool({
  name: 'transfer_to_human',
  description: "Transfer the call to a person: the client's broker (give clientId) or the office. If nobody is reachable, offer a callback.",
  arguments: args,
  sideEffects: true,
  async run(input: z.infer<typeof args>, { session, tenantId, callId }) {
    let brokerLine: Destination | undefined;
    if (input.clientId !== undefined) {
      const client = await findClient(session, { clientId: input.clientId });
      if (client === undefined) return ToolResult.error('not_found', 'no client matches');
      if (input.target === 'broker' && client.assignedBrokerId !== null) brokerLine = await brokerLineOf(session, client.assignedBrokerId);
    }
    const destination = brokerLine ?? (await officeLineOf(session, tenantId));
    if (destination === undefined) return ToolResult.error('not_found', 'there is nobody to transfer to; offer a callback');
    await writeToolAudit(session, { tenantId, action: 'call.transfer_requested', subject: `call:${callId}`, detail: { callId, targetKind: destination.kind, reason: input.reason } });
    return ToolResult.ok({ action: 'transfer', target: destination.phoneNumber, targetKind: destination.kind });
  },
});

async function brokerLineOf(session: SqlSession, brokerId: string): Promise<Destination | undefined> {
  const broker = await findBroker(session, brokerId);
  if (broker === undefined || !broker.active || broker.phoneNumber === null) return undefined;
  return { kind: 'broker', phoneNumber: broker.phoneNumber };
}

async function officeLineOf(session: SqlSession, tenantId: string): Promise<Destination | undefined> {
  const found = await session.query<{ transfer_number: string | null }>(`SELECT settings->>'transferNumber' AS transfer_number FROM tenants WHERE id = $1`, [tenantId]);
  const parsed = e164Phone.safeParse(found.rows[0]?.transfer_number);
  return parsed.success ? { kind: 'office', phoneNumber: parsed.data } : undefined;
}
