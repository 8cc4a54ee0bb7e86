import { z } from 'zod';

const field = z.string().max(256);

/** `?callId=` of our callback URLs. */
export const callIdSchema = z.string().regex(/^call_[A-Za-z0-9-]{1,64}$/);

/** The fields of a call-progress status callback the dialer reads. */
export const statusCallbackSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-f]{32}$/i),
  CallStatus: z.enum(['queued', 'initiated', 'ringing', 'in-progress', 'completed', 'busy', 'failed', 'no-answer', 'canceled']),
  AnsweredBy: field.optional(),
});

/** The fields of an async answering-machine-detection callback. */
export const amdCallbackSchema = z.object({
  CallSid: z.string().regex(/^CA[0-9a-f]{32}$/i),
  AnsweredBy: z.enum(['human', 'machine_start', 'machine_end_beep', 'machine_end_silence', 'machine_end_other', 'fax', 'unknown']),
});

export type StatusCallback = z.infer<typeof statusCallbackSchema>;
export type AmdCallback = z.infer<typeof amdCallbackSchema>;
