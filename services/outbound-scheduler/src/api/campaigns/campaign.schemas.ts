import { z } from 'zod';
import { callingHoursSchema, campaignSettingsSchema, campaignWindowSchema, retryPolicySchema } from '../../campaigns/campaign.settings';
import { pageQueryShape, uuidSchema } from '../http/common.schemas';

export const COVERAGE_GAPS = ['dental', 'vision', 'hearing'] as const;
export const MAX_TARGET_CLIENT_IDS = 5000;

/** The campaign settings as the API accepts them: the shared schema, with unknown fields refused at every level. */
export const settingsInputSchema = campaignSettingsSchema
  .extend({
    window: campaignWindowSchema.strict(),
    callingHours: callingHoursSchema.strict().default({ start: '08:00', end: '21:00' }),
    retry: retryPolicySchema.strict().default({ maxAttempts: 3, backoffMinutes: 60 }),
  })
  .strict();

/** Who the campaign calls: a list of clients, or every client with a coverage gap (optionally one broker's). */
export const targetsSchema = z
  .strictObject({
    clientIds: z.array(uuidSchema).min(1, 'must list at least one client').max(MAX_TARGET_CLIENT_IDS).optional(),
    coverageGap: z.enum(COVERAGE_GAPS).optional(),
    brokerId: uuidSchema.optional(),
  })
  .superRefine((targets, ctx) => {
    if ((targets.clientIds === undefined) === (targets.coverageGap === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of clientIds or coverageGap', path: [] });
    }
    if (targets.brokerId !== undefined && targets.coverageGap === undefined) {
      ctx.addIssue({ code: 'custom', message: 'brokerId narrows a coverageGap selection only', path: ['brokerId'] });
    }
  });

export const createCampaignSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  settings: settingsInputSchema,
  targets: targetsSchema,
});

export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;
export type CampaignTargets = z.infer<typeof targetsSchema>;

export const CAMPAIGN_STATUSES = ['draft', 'running', 'paused', 'cancelled', 'completed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const listCampaignsQuerySchema = z.strictObject({ ...pageQueryShape, status: z.enum(CAMPAIGN_STATUSES).optional() });
