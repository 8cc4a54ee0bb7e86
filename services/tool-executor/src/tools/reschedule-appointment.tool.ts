import { z } from 'zod';
import { lockAppointment } from './appointment.query';
import { writeToolAudit } from './audit.writer';
import { findFreeSlots } from './free-slots.query';
import { defineTool, ToolResult } from './tool.definition';

const args = z.strictObject({
  appointmentId: z.uuid(),
  startsAt: z.iso.datetime({ offset: true }),
});

/**
 * Moves a booked appointment to another free slot of the same broker: the new booking and the
 * cancellation of the old one happen in one transaction. The new slot is booked first, so a
 * conflict (the database refuses a second booking of a slot) leaves the old appointment as it
 * was and offers the next free slots instead.
 */
export const rescheduleAppointmentTool = defineTool({
  name: 'reschedule_appointment',
  description: "Move a booked appointment to another of the same broker's free slots. On a conflict, offer the alternatives returned.",
  arguments: args,
  sideEffects: true,
  async run(input: z.infer<typeof args>, { session, tenantId, callId, now }) {
    const startsAt = new Date(input.startsAt);
    if (startsAt.getTime() < now.getTime()) return ToolResult.error('validation_failed', 'the new time is in the past');
    const current = await lockAppointment(session, input.appointmentId);
    if (current === undefined) return ToolResult.error('not_found', 'no appointment matches');
    if (current.status === 'cancelled') return ToolResult.error('not_allowed', 'the appointment was cancelled; schedule a new one instead');
    if (Date.parse(current.startsAt) < now.getTime()) return ToolResult.error('not_allowed', 'the appointment has already started');
    if (Date.parse(current.startsAt) === startsAt.getTime()) {
      return ToolResult.ok({ appointmentId: current.appointmentId, previousAppointmentId: current.appointmentId, brokerId: current.brokerId, startsAt: current.startsAt, endsAt: current.endsAt, unchanged: true });
    }

    const slot = await session.query<{ ends_at: Date }>('SELECT ends_at FROM broker_slots WHERE broker_id = $1 AND starts_at = $2', [current.brokerId, startsAt.toISOString()]);
    const slotEnd = slot.rows[0]?.ends_at;
    if (slotEnd === undefined) {
      const alternatives = await findFreeSlots(session, current.brokerId, now);
      return ToolResult.error('not_found', 'the broker has no availability at that time', { alternatives: alternatives.map((free) => ({ ...free })) });
    }
    const endsAt = new Date(slotEnd).toISOString();
    const booked = await session.query<{ id: string }>(
      `INSERT INTO appointments (tenant_id, broker_id, client_id, starts_at, ends_at, status, purpose, call_id)
       VALUES ($1, $2, $3, $4, $5, 'booked', $6, $7)
       ON CONFLICT (tenant_id, broker_id, starts_at) WHERE status = 'booked' DO NOTHING RETURNING id`,
      [tenantId, current.brokerId, current.clientId, startsAt.toISOString(), endsAt, current.purpose, callId],
    );
    const appointmentId = booked.rows[0]?.id;
    if (appointmentId === undefined) {
      const alternatives = await findFreeSlots(session, current.brokerId, now);
      return ToolResult.error('conflict', 'that slot was just taken', { alternatives: alternatives.map((free) => ({ ...free })) });
    }
    await session.query(`UPDATE appointments SET status = 'cancelled', cancelled_at = $2 WHERE id = $1`, [current.appointmentId, now.toISOString()]);
    await writeToolAudit(session, {
      tenantId,
      action: 'appointment.rescheduled',
      subject: `appointment:${current.appointmentId}`,
      detail: { callId, newAppointmentId: appointmentId },
    });
    return ToolResult.ok({ appointmentId, previousAppointmentId: current.appointmentId, brokerId: current.brokerId, startsAt: startsAt.toISOString(), endsAt });
  },
});
