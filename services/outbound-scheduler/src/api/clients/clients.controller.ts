import type { IncomingMessage, ServerResponse } from 'node:http';
import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FieldCipher } from '@va/data';
import type { ApiCaller } from '../auth/api.caller';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Caller } from '../auth/caller.decorator';
import { requireRole } from '../auth/role.policy';
import { API_FIELD_CIPHER } from '../broker-api.tokens';
import { ApiError } from '../http/api.errors';
import { idParamsSchema } from '../http/common.schemas';
import { postRequestOf, writeResult } from '../http/result.writer';
import { parseInput } from '../http/zod.problems';
import { created, ok } from '../idempotency/api.result';
import { TenantWork } from '../idempotency/tenant.work';
import { DUPLICATE_PHONE_MESSAGE, importClients } from './client.importer';
import { findClient, listClients } from './client.queries';
import { clientInputSchema, listClientsQuerySchema } from './client.schemas';
import { importRowsOf } from './import-body.reader';

/** /v1/clients: create one, import many (CSV or JSON, per-row errors), list and read (never DOB or member ID). */
@Controller('v1/clients')
@UseGuards(ApiKeyGuard)
export class ClientsController {
  constructor(
    private readonly work: TenantWork,
    @Inject(API_FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  @Post()
  async create(@Caller() caller: ApiCaller, @Body() body: unknown, @Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    requireRole(caller, 'manageClients');
    const input = parseInput(clientInputSchema, body);
    const result = await this.work.post(caller, postRequestOf(request, body), async (session) => {
      const report = await importClients(session, caller, this.cipher, [input]);
      const [problem] = report.errors;
      if (problem !== undefined) {
        if (problem.message === DUPLICATE_PHONE_MESSAGE) throw ApiError.conflict(DUPLICATE_PHONE_MESSAGE);
        throw ApiError.invalidField(problem.field, problem.message);
      }
      return created(await findClient(session, caller, String(report.clientIds[0])));
    });
    writeResult(response, result);
  }

  @Post('import')
  async import(@Caller() caller: ApiCaller, @Body() body: unknown, @Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    requireRole(caller, 'manageClients');
    const { rows, text } = await importRowsOf(request, body);
    const result = await this.work.post(caller, postRequestOf(request, text), async (session) => ok(await importClients(session, caller, this.cipher, rows)));
    writeResult(response, result);
  }

  @Get()
  list(@Caller() caller: ApiCaller, @Query() query: unknown) {
    requireRole(caller, 'readClients');
    const input = parseInput(listClientsQuerySchema, query, 'query');
    return this.work.run(caller, (session) => listClients(session, caller, input));
  }

  @Get(':id')
  get(@Caller() caller: ApiCaller, @Param() params: unknown) {
    requireRole(caller, 'readClients');
    const { id } = parseInput(idParamsSchema, params, 'path');
    return this.work.run(caller, (session) => findClient(session, caller, id));
  }
}
