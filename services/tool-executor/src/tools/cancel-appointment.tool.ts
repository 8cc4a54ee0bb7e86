import { z } from 'zod';
import { lockAppointment } from './appointment.query';
import { writeToolAudit } from './audit.writer';
import { defineTool, ToolResult } from './tool.definition';

const args = z.strictObject({
  appointmentId: z.uuid(),
  reason: z.string().trim().max(200).default('caller asked to cancel'),
});

/** Cancels an appointment; cancelling one already cancelled succeeds and says so. */
export const cancelAppointmentTool = defineTool({
  name: 'cancel_appointment',
  description: 'Cancel an appointment by its appointmentId.',
  arguments: args,
  sideEffects: true,
  async run(input: z.infer<typeof args>, { session, tenantId, callId, now }) {
    const appointment = await lockAppointment(session, input.appointmentId);
    if (appointment === undefined) return ToolResult.error('not_found', 'no appointment matches');
    const alreadyCancelled = appointment.status === 'cancelled';
    if (!alreadyCancelled) {
      await session.query(`UPDATE appointments SET status = 'cancelled', cancelled_at = $2 WHERE id = $1`, [appointment.appointmentId, now.toISOString()]);
    }
    await writeToolAudit(session, {
      tenantId,
      action: 'appointment.cancelled',
      subject: `appointment:${appointment.appointmentId}`,
      detail: { callId, alreadyCancelled, reason: input.reason },
    });
    return ToolResult.ok({ appointmentId: appointment.appointmentId, cancelled: true, alreadyCancelled, startsAt: appointment.startsAt });
  },
});
