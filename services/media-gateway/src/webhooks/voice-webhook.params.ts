import { z } from 'zod';

const field = z.string().max(256);

/** The fields of Twilio's voice and status webhooks the gateway reads. */
export const voiceWebhookSchema = z.object({
  CallSid: z.string().min(1).max(64),
  From: field.default(''),
  To: field.default(''),
  Direction: field.default('inbound'),
  CallStatus: field.default(''),
});

export type VoiceWebhookParams = z.infer<typeof voiceWebhookSchema>;

/** `?callId=` of an answered outbound call's webhook URL. */
export const callIdQuerySchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/);
