import { z } from 'zod';
import { findFreeSlots } from './free-slots.query';
import { defineTool, ToolResult } from './tool.definition';

const args = z.strictObject({
  brokerId: z.uuid(),
  clientId: z.uuid().optional(),
  startsAt: z.iso.datetime({ offset: true }),
  purpose: z.string().trim().max(200).default(''),
});

/**
 * Books a broker's free slot. The database refuses a second booking of a slot (one booked
 * appointment per broker and start), so concurrent requests for one slot yield one booking;
 * the others get a conflict with the next free slots to offer instead.
 */
export const scheduleAppointmentTool = defineTool({
  name: 'schedule_appointment',
  description: "Book a meeting in one of the broker's free slots. On a conflict, offer the alternatives returned.",
  arguments: args,
  sideEffects: true,
  async run(input: z.infer<typeof args>, { session, tenantId, callId, now }) {
    const startsAt = new Date(input.startsAt);
    if (startsAt.getTime() < now.getTime()) return ToolResult.error('validation_failed', 'the slot is in the past');
    const slot = await session.query<{ ends_at: Date }>('SELECT ends_at FROM broker_slots WHERE broker_id = $1 AND starts_at = $2', [input.brokerId, startsAt.toISOString()]);
    const endsAt = slot.rows[0]?.ends_at;
    if (endsAt === undefined) {
      const alternatives = await findFreeSlots(session, input.brokerId, now);
      return ToolResult.error('not_found', 'the broker has no availability at that time', { alternatives: alternatives.map((free) => ({ ...free })) });
    }
    const booked = await session.query<{ id: string }>(
      `INSERT INTO appointments (tenant_id, broker_id, client_id, starts_at, ends_at, status, purpose, call_id)
       VALUES ($1, $2, $3, $4, $5, 'booked', $6, $7)
       ON CONFLICT (tenant_id, broker_id, starts_at) WHERE status = 'booked' DO NOTHING RETURNING id`,
      [tenantId, input.brokerId, input.clientId ?? null, startsAt.toISOString(), new Date(endsAt).toISOString(), input.purpose, callId],
    );
    const appointmentId = booked.rows[0]?.id;
    if (appointmentId === undefined) {
      const alternatives = await findFreeSlots(session, input.brokerId, now);
      return ToolResult.error('conflict', 'that slot was just taken', { alternatives: alternatives.map((free) => ({ ...free })) });
    }
    await session.query(
      `INSERT INTO audit_log (tenant_id, actor, action, subject, detail) VALUES ($1, 'tool-executor', 'appointment.booked', $2, $3)`,
      [tenantId, `appointment:${appointmentId}`, JSON.stringify({ callId })],
    );
    return ToolResult.ok({ appointmentId, brokerId: input.brokerId, startsAt: startsAt.toISOString(), endsAt: new Date(endsAt).toISOString() });
  },
});
