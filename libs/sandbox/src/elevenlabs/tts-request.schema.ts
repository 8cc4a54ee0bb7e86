import { z } from 'zod';
import { validationError, type ElevenLabsValidationError } from './elevenlabs-error.body';

/** The text-to-speech HTTP body (snake_case on the wire); fields the stand-in ignores pass through. */
export const ttsRequestSchema = z.looseObject({
  text: z.string().refine((text) => text.trim().length > 0, 'String should have at least 1 character'),
  model_id: z.string().nullable().optional(),
  language_code: z.string().nullable().optional(),
  voice_settings: z
    .looseObject({
      stability: z.number().min(0).max(1).nullable().optional(),
      similarity_boost: z.number().min(0).max(1).nullable().optional(),
      style: z.number().min(0).max(1).nullable().optional(),
      use_speaker_boost: z.boolean().nullable().optional(),
      speed: z.number().min(0.7).max(1.2).nullable().optional(),
    })
    .nullable()
    .optional(),
  seed: z.number().int().min(0).max(4_294_967_295).nullable().optional(),
  previous_text: z.string().nullable().optional(),
  next_text: z.string().nullable().optional(),
  apply_text_normalization: z.enum(['auto', 'on', 'off']).nullable().optional(),
});

export type TtsRequest = z.infer<typeof ttsRequestSchema>;

export type TtsRequestCheck = { readonly ok: true; readonly request: TtsRequest } | { readonly ok: false; readonly error: ElevenLabsValidationError };

/** Parses a body, answering problems with FastAPI's 422 detail list as ElevenLabs does. */
export function validateTtsRequest(body: Buffer): TtsRequestCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, error: validationError(['body'], 'JSON decode error', {}, 'json_invalid') };
  }
  const parsed = ttsRequestSchema.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.filter((key): key is string | number => typeof key !== 'symbol') ?? [];
  const input = path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined), raw);
  if (input === undefined) return { ok: false, error: validationError(['body', ...path], 'Field required', raw, 'missing') };
  return { ok: false, error: validationError(['body', ...path], issue?.message ?? 'Invalid value', input) };
}
