import { z } from 'zod';
import { e164Phone, exactlyOneOf } from './argument.schemas';
import { findBroker } from './broker.query';
import { findClient } from './client.query';
import { defineTool, ToolResult } from './tool.definition';

const oneKey = exactlyOneOf(['clientId', 'phoneNumber']);
const args = z
  .strictObject({
    clientId: z.uuid().optional(),
    phoneNumber: e164Phone.optional(),
  })
  .refine(oneKey.check, oneKey.params);

/**
 * The minimum a call needs about a client: first name, current plan, coverage gaps, assigned
 * broker and time zone. The date of birth and member id never leave the database.
 */
export const getClientProfileTool = defineTool({
  name: 'get_client_profile',
  description: "Look up the client by clientId or by phone number: first name, current plan, coverage gaps, assigned broker, time zone.",
  arguments: args,
  sideEffects: false,
  async run(input: z.infer<typeof args>, { session }) {
    const client = await findClient(session, input);
    if (client === undefined) return ToolResult.error('not_found', 'no client matches');
    // Date-of-birth verification (verifyDateOfBirth → { verified }) lands here once ToolRunContext carries a FieldCipher.
    const broker = client.assignedBrokerId === null ? undefined : await findBroker(session, client.assignedBrokerId);
    return ToolResult.ok({
      clientId: client.clientId,
      firstName: client.firstName,
      currentPlan: client.currentPlan,
      coverageGaps: [...client.coverageGaps],
      timeZone: client.timeZone,
      assignedBroker: broker === undefined ? null : { brokerId: broker.brokerId, name: broker.name },
    });
  },
});
