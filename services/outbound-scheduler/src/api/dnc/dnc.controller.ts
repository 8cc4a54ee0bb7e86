import type { IncomingMessage, ServerResponse } from 'node:http';
import { Body, Controller, Delete, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { ApiCaller } from '../auth/api.caller';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Caller } from '../auth/caller.decorator';
import { requireRole } from '../auth/role.policy';
import { postRequestOf, writeResult } from '../http/result.writer';
import { parseInput } from '../http/zod.problems';
import { created } from '../idempotency/api.result';
import { TenantWork } from '../idempotency/tenant.work';
import { addDncEntry, listDnc, removeDncEntry } from './dnc.repository';
import { addDncSchema, dncParamsSchema, listDncQuerySchema } from './dnc.schemas';

/** /v1/dnc: the tenant's do-not-call list; every change is audited, removal is for admins. */
@Controller('v1/dnc')
@UseGuards(ApiKeyGuard)
export class DncController {
  constructor(private readonly work: TenantWork) {}

  @Post()
  async add(@Caller() caller: ApiCaller, @Body() body: unknown, @Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    requireRole(caller, 'addDnc');
    const input = parseInput(addDncSchema, body);
    writeResult(response, await this.work.post(caller, postRequestOf(request, body), async (session) => created(await addDncEntry(session, caller, input))));
  }

  @Get()
  list(@Caller() caller: ApiCaller, @Query() query: unknown) {
    requireRole(caller, 'readDnc');
    const input = parseInput(listDncQuerySchema, query, 'query');
    return this.work.run(caller, (session) => listDnc(session, caller, input));
  }

  @Delete(':phone')
  remove(@Caller() caller: ApiCaller, @Param() params: unknown) {
    requireRole(caller, 'removeDnc');
    const { phone } = parseInput(dncParamsSchema, params, 'path');
    return this.work.run(caller, (session) => removeDncEntry(session, caller, phone));
  }
}
