import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import type { ApiCaller } from '../auth/api.caller';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Caller } from '../auth/caller.decorator';
import { requireRole } from '../auth/role.policy';
import { idParamsSchema } from '../http/common.schemas';
import { parseInput } from '../http/zod.problems';
import { TenantWork } from '../idempotency/tenant.work';
import { findAppointment, listAppointments, listAppointmentsQuerySchema } from './appointment.queries';

/** /v1/appointments: a broker's own broker's bookings, or the whole tenant's for an admin. */
@Controller('v1/appointments')
@UseGuards(ApiKeyGuard)
export class AppointmentsController {
  constructor(private readonly work: TenantWork) {}

  @Get()
  list(@Caller() caller: ApiCaller, @Query() query: unknown) {
    requireRole(caller, 'readAppointments');
    const input = parseInput(listAppointmentsQuerySchema, query, 'query');
    return this.work.run(caller, (session) => listAppointments(session, caller, input));
  }

  @Get(':id')
  get(@Caller() caller: ApiCaller, @Param() params: unknown) {
    requireRole(caller, 'readAppointments');
    const { id } = parseInput(idParamsSchema, params, 'path');
    return this.work.run(caller, (session) => findAppointment(session, caller, id));
  }
}
