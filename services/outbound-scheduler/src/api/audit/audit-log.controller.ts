import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import type { ApiCaller } from '../auth/api.caller';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Caller } from '../auth/caller.decorator';
import { requireRole } from '../auth/role.policy';
import { parseInput } from '../http/zod.problems';
import { TenantWork } from '../idempotency/tenant.work';
import { listAuditLog, listAuditQuerySchema } from './audit-log.queries';

/** /v1/audit-log: the tenant's append-only audit trail (admins and auditors). */
@Controller('v1/audit-log')
@UseGuards(ApiKeyGuard)
export class AuditLogController {
  constructor(private readonly work: TenantWork) {}

  @Get()
  list(@Caller() caller: ApiCaller, @Query() query: unknown) {
    requireRole(caller, 'readAuditLog');
    const input = parseInput(listAuditQuerySchema, query, 'query');
    return this.work.run(caller, (session) => listAuditLog(session, caller, input));
  }
}
