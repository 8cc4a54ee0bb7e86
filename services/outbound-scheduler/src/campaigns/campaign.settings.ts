import { z } from 'zod';

const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A callee-local time of day, "HH:MM" on a 24-hour clock. */
const clockTime = z.string().regex(CLOCK_TIME, 'must be HH:MM on a 24-hour clock');

/** When the callee may be called, in the callee's own time zone (DOMAIN.md: 08:00–21:00 by default). */
export const callingHoursSchema = z
  .object({ start: clockTime, end: clockTime })
  .refine((hours) => hours.start < hours.end, { message: 'start must be before end', path: ['end'] });

/** The period in which the campaign may dial at all (ISO 8601 instants with an offset). */
export const campaignWindowSchema = z
  .object({ startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }) })
  .refine((window) => Date.parse(window.startsAt) < Date.parse(window.endsAt), { message: 'startsAt must be before endsAt', path: ['endsAt'] });

export const retryPolicySchema = z.object({
  /** Attempts per target in total, the first included. */
  maxAttempts: z.number().int().min(1).max(10).default(3),
  /** Wait after a no-answer, busy or failed attempt before the next one. */
  backoffMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
});

/** What the agent does when an answering machine picks up. */
export const voicemailPolicySchema = z.enum(['leave-message', 'hang-up']);

/**
 * A campaign's dialling settings, as stored in campaigns.settings (jsonb) and accepted by the
 * REST API. Parsed with defaults filled, so readers never guess.
 */
export const campaignSettingsSchema = z.object({
  /** products.code of the product the campaign presents (e.g. "DENTAL-PLUS"). */
  productCode: z.string().min(1).max(64),
  window: campaignWindowSchema,
  callingHours: callingHoursSchema.default({ start: '08:00', end: '21:00' }),
  /** Calls of this campaign in progress at once. */
  concurrency: z.number().int().min(1).max(100).default(5),
  retry: retryPolicySchema.default({ maxAttempts: 3, backoffMinutes: 60 }),
  voicemail: voicemailPolicySchema.default('hang-up'),
});

export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;
export type CampaignSettingsInput = z.input<typeof campaignSettingsSchema>;
export type VoicemailPolicy = z.infer<typeof voicemailPolicySchema>;
