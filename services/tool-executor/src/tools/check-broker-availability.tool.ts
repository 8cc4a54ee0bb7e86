import { z } from 'zod';
import { exactlyOneOf } from './argument.schemas';
import { findBroker } from './broker.query';
import { findClient } from './client.query';
import { findFreeSlots } from './free-slots.query';
import { SLOT_RULES } from './slot.rules';
import { defineTool, ToolResult } from './tool.definition';

const MAX_SLOTS = 10;

const oneKey = exactlyOneOf(['brokerId', 'clientId']);
const args = z
  .strictObject({
    brokerId: z.uuid().optional(),
    clientId: z.uuid().optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    limit: z.int().min(1).max(MAX_SLOTS).default(SLOT_RULES.alternativesOffered),
  })
  .refine(oneKey.check, oneKey.params);

/** A broker's free slots (the named broker, or the client's assigned one) from a time on, never in the past. */
export const checkBrokerAvailabilityTool = defineTool({
  name: 'check_broker_availability',
  description: "Free appointment slots of a broker (brokerId) or of the client's assigned broker (clientId), from an optional time on.",
  arguments: args,
  sideEffects: false,
  async run(input: z.infer<typeof args>, { session, now }) {
    let brokerId = input.brokerId;
    if (input.clientId !== undefined) {
      const client = await findClient(session, { clientId: input.clientId });
      if (client === undefined) return ToolResult.error('not_found', 'no client matches');
      if (client.assignedBrokerId === null) return ToolResult.error('not_found', 'the client has no assigned broker');
      brokerId = client.assignedBrokerId;
    }
    const broker = brokerId === undefined ? undefined : await findBroker(session, brokerId);
    if (broker === undefined) return ToolResult.error('not_found', 'no broker matches');
    if (!broker.active) return ToolResult.error('not_found', 'the broker is not taking appointments');
    const requested = input.from === undefined ? now : new Date(input.from);
    const after = requested.getTime() < now.getTime() ? now : requested;
    const slots = await findFreeSlots(session, broker.brokerId, after, input.limit);
    const result = { brokerId: broker.brokerId, brokerName: broker.name, timeZone: broker.timeZone, slots: slots.map((slot) => ({ startsAt: slot.startsAt, endsAt: slot.endsAt })) };
    return ToolResult.ok(slots.length > 0 ? result : { ...result, suggestion: 'offer a callback' });
  },
});
