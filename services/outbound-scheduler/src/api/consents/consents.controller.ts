import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import type { ApiCaller } from '../auth/api.caller';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Caller } from '../auth/caller.decorator';
import { requireRole } from '../auth/role.policy';
import { parseInput } from '../http/zod.problems';
import { TenantWork } from '../idempotency/tenant.work';
import { listConsents, listConsentsQuerySchema } from './consent.queries';

/** /v1/consents: what clients agreed to or refused, and on which call. */
@Controller('v1/consents')
@UseGuards(ApiKeyGuard)
export class ConsentsController {
  constructor(private readonly work: TenantWork) {}

  @Get()
  list(@Caller() caller: ApiCaller, @Query() query: unknown) {
    requireRole(caller, 'readConsents');
    const input = parseInput(listConsentsQuerySchema, query, 'query');
    return this.work.run(caller, (session) => listConsents(session, caller, input));
  }
}
