import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorDetails, okResult, type ToolsHarness } from './tools.harness';

type AppointmentState = { status: string; starts_at: Date; cancelled_at: Date | null; call_id: string | null };

/** Moving and cancelling appointments; each test books its own appointments on days of its own. */
export function appointmentToolCases(h: ToolsHarness): void {
  const appointment = async (id: string) =>
    (await h.rows<AppointmentState>(h.a, 'SELECT status, starts_at, cancelled_at, call_id FROM appointments WHERE id = $1', [id]))[0];

  describe('reschedule_appointment', () => {
    it('books the new slot and cancels the old one together, with an audit row', async () => {
      const original = await h.appointment(h.a, 4, 15);
      const target = await h.slot(h.a, 4, 17);
      const result = okResult(await h.call(h.a, 'reschedule_appointment', { appointmentId: original, startsAt: target }));
      assert.equal(result['previousAppointmentId'], original);
      assert.equal(result['startsAt'], target);
      assert.equal(result['endsAt'], new Date(Date.parse(target) + 30 * 60_000).toISOString());
      const moved = await appointment(String(result['appointmentId']));
      assert.equal(moved?.status, 'booked');
      assert.equal(new Date(moved?.starts_at ?? 0).toISOString(), target);
      const old = await appointment(original);
      assert.equal(old?.status, 'cancelled');
      assert.equal(new Date(old?.cancelled_at ?? 0).toISOString(), h.now.toISOString());
      assert.equal(await h.count(h.a, `SELECT 1 FROM audit_log WHERE action = 'appointment.rescheduled' AND subject = $1`, [`appointment:${original}`]), 1);
      const same = okResult(await h.call(h.a, 'reschedule_appointment', { appointmentId: String(result['appointmentId']), startsAt: target }));
      assert.equal(same['unchanged'], true);
      assert.equal(await h.count(h.a, 'SELECT 1 FROM appointments WHERE starts_at = $1', [target]), 1, 'moving to the same time books nothing');
    });

    it('answers a taken slot with a conflict and alternatives, leaving the appointment as it was', async () => {
      const original = await h.appointment(h.a, 5, 15);
      await h.appointment(h.a, 5, 16);
      const taken = await h.slot(h.a, 5, 16);
      const details = errorDetails(await h.call(h.a, 'reschedule_appointment', { appointmentId: original, startsAt: taken }), 'conflict');
      assert.ok(Array.isArray(details['alternatives']) && details['alternatives'].length > 0, 'alternatives offered');
      assert.equal((await appointment(original))?.status, 'booked');
      const noSlot = new Date(Date.parse(taken) + 7 * 60_000).toISOString();
      const missing = errorDetails(await h.call(h.a, 'reschedule_appointment', { appointmentId: original, startsAt: noSlot }), 'not_found');
      assert.ok(Array.isArray(missing['alternatives']), 'a time without a slot offers alternatives too');
      errorDetails(await h.call(h.a, 'reschedule_appointment', { appointmentId: original, startsAt: new Date(h.now.getTime() - 60_000).toISOString() }), 'validation_failed');
      const cancelled = await h.appointment(h.a, 5, 18, 'cancelled');
      errorDetails(await h.call(h.a, 'reschedule_appointment', { appointmentId: cancelled, startsAt: await h.slot(h.a, 5, 19) }), 'not_allowed');
      assert.equal((await appointment(original))?.status, 'booked');
      assert.equal(await h.count(h.a, `SELECT 1 FROM appointments WHERE starts_at = $1 AND status = 'booked'`, [noSlot]), 0);
    });

    it('refuses bad arguments, naming them', async () => {
      const original = await h.appointment(h.a, 6, 15);
      await h.expectRefused('reschedule_appointment', { appointmentId: original }, ['startsAt']);
      await h.expectRefused('reschedule_appointment', { appointmentId: 'appt-1', startsAt: 'tomorrow at 3' }, ['appointmentId', 'startsAt']);
      await h.expectRefused('reschedule_appointment', { appointmentId: original, startsAt: await h.slot(h.a, 6, 16), brokerId: h.a.brokerId }, ['brokerId']);
    });

    it("does not move another tenant's appointment", async () => {
      const theirs = await h.appointment(h.b, 6, 15);
      await h.expectIsolated('reschedule_appointment', { appointmentId: theirs, startsAt: await h.slot(h.a, 6, 17) });
      await h.expectIsolated('reschedule_appointment', { appointmentId: theirs, startsAt: await h.slot(h.b, 6, 17) });
    });

    it('moves once for one idempotency key', async () => {
      const original = await h.appointment(h.a, 7, 15);
      const target = await h.slot(h.a, 7, 16);
      await h.expectIdempotent('reschedule_appointment', { appointmentId: original, startsAt: target }, `SELECT 1 FROM appointments WHERE starts_at = $1`, [target]);
      assert.equal((await appointment(original))?.status, 'cancelled');
    });
  });

  describe('cancel_appointment', () => {
    it('cancels a booking, and answers an already cancelled one with alreadyCancelled', async () => {
      const booked = await h.appointment(h.a, 8, 15);
      const result = okResult(await h.call(h.a, 'cancel_appointment', { appointmentId: booked }));
      assert.deepEqual(result, { appointmentId: booked, cancelled: true, alreadyCancelled: false, startsAt: await h.slot(h.a, 8, 15) });
      assert.equal((await appointment(booked))?.status, 'cancelled');
      assert.equal(await h.count(h.a, `SELECT 1 FROM audit_log WHERE action = 'appointment.cancelled' AND subject = $1`, [`appointment:${booked}`]), 1);
      const again = okResult(await h.call(h.a, 'cancel_appointment', { appointmentId: booked }));
      assert.equal(again['alreadyCancelled'], true);
      errorDetails(await h.call(h.a, 'cancel_appointment', { appointmentId: '00000000-0000-4000-8000-000000000000' }), 'not_found');
    });

    it('refuses bad arguments, naming them', async () => {
      await h.expectRefused('cancel_appointment', {}, ['appointmentId']);
      await h.expectRefused('cancel_appointment', { appointmentId: 12 }, ['appointmentId']);
      await h.expectRefused('cancel_appointment', { appointmentId: await h.appointment(h.a, 8, 16), force: true }, ['force']);
    });

    it("does not cancel another tenant's appointment", async () => {
      const theirs = await h.appointment(h.b, 8, 15);
      await h.expectIsolated('cancel_appointment', { appointmentId: theirs });
      const [row] = await h.rows<{ status: string }>(h.b, 'SELECT status FROM appointments WHERE id = $1', [theirs]);
      assert.equal(row?.status, 'booked');
    });

    it('cancels once for one idempotency key', async () => {
      const booked = await h.appointment(h.a, 9, 15);
      await h.expectIdempotent('cancel_appointment', { appointmentId: booked }, `SELECT 1 FROM audit_log WHERE action = 'appointment.cancelled' AND subject = $1`, [`appointment:${booked}`]);
      assert.equal((await appointment(booked))?.status, 'cancelled');
    });
  });
}
