import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { ApiCaller } from '../auth/api.caller';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Caller } from '../auth/caller.decorator';
import { requireRole } from '../auth/role.policy';
import { CLOCK, type Clock } from '../../clock';
import { idParamsSchema } from '../http/common.schemas';
import { postRequestOf, writeResult } from '../http/result.writer';
import { parseInput } from '../http/zod.problems';
import { created, ok } from '../idempotency/api.result';
import { TenantWork } from '../idempotency/tenant.work';
import { campaignProgress } from './campaign-progress.query';
import { createCampaign } from './campaign.creator';
import { createCampaignSchema, listCampaignsQuerySchema } from './campaign.schemas';
import { findCampaign, listCampaigns } from './campaign.queries';
import { CAMPAIGN_ACTIONS, type CampaignAction } from './campaign.transitions';
import { transitionCampaign } from './campaign.transitioner';
import { campaignView } from './campaign.view';

const actionParamsSchema = idParamsSchema.extend({ action: z.enum(CAMPAIGN_ACTIONS) });

/** A lifecycle action takes no body (an empty object is accepted). */
export const emptyBodySchema = z.strictObject({}).optional();

/** /v1/campaigns: create, list, read, lifecycle actions, progress. */
@Controller('v1/campaigns')
@UseGuards(ApiKeyGuard)
export class CampaignsController {
  constructor(
    private readonly work: TenantWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  async create(@Caller() caller: ApiCaller, @Body() body: unknown, @Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    requireRole(caller, 'manageCampaigns');
    const input = parseInput(createCampaignSchema, body);
    const result = await this.work.post(caller, postRequestOf(request, body), async (session) => created(await createCampaign(session, caller, input, this.clock.now())));
    writeResult(response, result);
  }

  @Get()
  list(@Caller() caller: ApiCaller, @Query() query: unknown) {
    requireRole(caller, 'readCampaigns');
    const input = parseInput(listCampaignsQuerySchema, query, 'query');
    return this.work.run(caller, (session) => listCampaigns(session, caller, input));
  }

  @Get(':id')
  async get(@Caller() caller: ApiCaller, @Param() params: unknown) {
    requireRole(caller, 'readCampaigns');
    const { id } = parseInput(idParamsSchema, params, 'path');
    return campaignView(await this.work.run(caller, (session) => findCampaign(session, caller, id)));
  }

  @Get(':id/progress')
  progress(@Caller() caller: ApiCaller, @Param() params: unknown) {
    requireRole(caller, 'readCampaigns');
    const { id } = parseInput(idParamsSchema, params, 'path');
    return this.work.run(caller, (session) => campaignProgress(session, caller, id));
  }

  @Post(':id/:action')
  async act(@Caller() caller: ApiCaller, @Param() params: unknown, @Body() body: unknown, @Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    requireRole(caller, 'manageCampaigns');
    const { id, action } = parseInput(actionParamsSchema, params, 'path');
    parseInput(emptyBodySchema, body);
    const result = await this.work.post(caller, postRequestOf(request, body ?? null), async (session) =>
      ok(await transitionCampaign(session, caller, id, action as CampaignAction)),
    );
    writeResult(response, result);
  }
}
