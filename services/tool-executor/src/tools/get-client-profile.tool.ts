import { z } from 'zod';
import { e164Phone, exactlyOneOf, pastCalendarDate } from './argument.schemas';
import { findBroker } from './broker.query';
import { findClient } from './client.query';
import { checkDateOfBirth } from './date-of-birth.check';
import { defineTool, ToolResult } from './tool.definition';

const oneKey = exactlyOneOf(['clientId', 'phoneNumber']);
const args = z
  .strictObject({
    clientId: z.uuid().optional(),
    phoneNumber: e164Phone.optional(),
    dateOfBirth: pastCalendarDate.optional(),
  })
  .refine(oneKey.check, oneKey.params);

/**
 * The minimum a call needs about a client: first name, current plan, coverage gaps, assigned
 * broker and time zone. Given the date of birth the caller said, it also answers whether it
 * matches the one on file; the date of birth and member id themselves never leave the tool.
 */
export const getClientProfileTool = defineTool({
  name: 'get_client_profile',
  description:
    "Look up the client by clientId or by phone number: first name, current plan, coverage gaps, assigned broker, time zone. To verify identity, pass the date of birth the caller said (YYYY-MM-DD): dateOfBirthCheck answers match, mismatch or not_on_file.",
  arguments: args,
  sideEffects: false,
  async run(input: z.infer<typeof args>, context) {
    const { session } = context;
    const client = await findClient(session, input);
    if (client === undefined) return ToolResult.error('not_found', 'no client matches');
    const dateOfBirthCheck = input.dateOfBirth === undefined ? undefined : await checkDateOfBirth(context, client.clientId, input.dateOfBirth);
    const broker = client.assignedBrokerId === null ? undefined : await findBroker(session, client.assignedBrokerId);
    return ToolResult.ok({
      clientId: client.clientId,
      firstName: client.firstName,
      currentPlan: client.currentPlan,
      coverageGaps: [...client.coverageGaps],
      timeZone: client.timeZone,
      assignedBroker: broker === undefined ? null : { brokerId: broker.brokerId, name: broker.name },
      ...(dateOfBirthCheck === undefined ? {} : { dateOfBirthCheck }),
    });
  },
});
