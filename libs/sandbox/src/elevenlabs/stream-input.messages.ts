import { z } from 'zod';
import type { CharAlignment } from './char.alignment';

/** Client → server frames of `stream-input` (JSON text, snake_case). */
const voiceSettingsSchema = z.looseObject({
  stability: z.number().min(0).max(1).optional(),
  similarity_boost: z.number().min(0).max(1).optional(),
  style: z.number().min(0).max(1).optional(),
  use_speaker_boost: z.boolean().optional(),
  speed: z.number().min(0.7).max(1.2).optional(),
});

const generationConfigSchema = z.looseObject({
  chunk_length_schedule: z.array(z.number().min(50).max(500)).min(1).optional(),
});

/** The first frame: a single space, settings, and the key when the handshake had none. */
export const initMessageSchema = z.looseObject({
  text: z.literal(' '),
  voice_settings: voiceSettingsSchema.optional(),
  generation_config: generationConfigSchema.optional(),
  xi_api_key: z.string().optional(),
  'xi-api-key': z.string().optional(),
  authorization: z.string().optional(),
});

/** Every later frame: text (ending with a space), optionally flushing or forcing generation. */
export const textMessageSchema = z.looseObject({
  text: z.string(),
  flush: z.boolean().optional(),
  try_trigger_generation: z.boolean().optional(),
});

export type InitMessage = z.infer<typeof initMessageSchema>;
export type TextMessage = z.infer<typeof textMessageSchema>;

/** The credential an init frame carries, in any of the three spellings clients use. */
export function keyFromInit(message: InitMessage): string | undefined {
  const bearer = message.authorization === undefined ? undefined : (/^Bearer\s+(.+)$/i.exec(message.authorization)?.[1] ?? message.authorization);
  return message.xi_api_key ?? message['xi-api-key'] ?? bearer;
}

/** Server → client frames (JSON text, camelCase). */
export function audioFrame(audio: Uint8Array, alignment: CharAlignment): string {
  return JSON.stringify({ audio: Buffer.from(audio).toString('base64'), isFinal: null, normalizedAlignment: alignment, alignment });
}

export function finalFrame(): string {
  return JSON.stringify({ audio: null, isFinal: true });
}

export function errorFrame(error: string, message: string, code: number): string {
  return JSON.stringify({ message, error, code });
}

/** A frame body as logged: credentials in it masked. */
export function loggableFrame(text: string): string {
  return text.replace(/("(?:xi_api_key|xi-api-key|authorization)"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"***"');
}
