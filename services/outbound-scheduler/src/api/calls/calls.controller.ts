import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import type { ApiCaller } from '../auth/api.caller';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Caller } from '../auth/caller.decorator';
import { requireRole } from '../auth/role.policy';
import { parseInput } from '../http/zod.problems';
import { TenantWork } from '../idempotency/tenant.work';
import { findCall, listCalls } from './call.queries';
import { callParamsSchema, listCallsQuerySchema } from './call.schemas';

/** /v1/calls: list and detail with the transcript redacted for the role. */
@Controller('v1/calls')
@UseGuards(ApiKeyGuard)
export class CallsController {
  constructor(private readonly work: TenantWork) {}

  @Get()
  list(@Caller() caller: ApiCaller, @Query() query: unknown) {
    requireRole(caller, 'readCalls');
    const input = parseInput(listCallsQuerySchema, query, 'query');
    return this.work.run(caller, (session) => listCalls(session, caller, input));
  }

  @Get(':id')
  get(@Caller() caller: ApiCaller, @Param() params: unknown) {
    requireRole(caller, 'readCalls');
    const { id } = parseInput(callParamsSchema, params, 'path');
    return this.work.run(caller, (session) => findCall(session, caller, id));
  }
}
