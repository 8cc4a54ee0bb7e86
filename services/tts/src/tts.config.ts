import { envVar } from '@va/config';
import { breakerConfigShape } from '@va/resilience';
import { z } from 'zod';

const DEFAULT_FIRST_AUDIO_BUDGET_MS = 1_500;

const nameWithDefault = (defaultName: string) => z.string().trim().min(1).default(defaultName);

/**
 * The tts service's own variables. Every one is optional so `npm start` boots with none:
 * a vendor without a key is left out of the chain and espeak-ng always remains.
 */
export const ttsConfigShape = {
  ELEVENLABS_API_KEY: envVar.optionalSecret(),
  ELEVENLABS_BASE_URL: envVar.url('https://api.elevenlabs.io'),
  ELEVENLABS_MODEL_ID: nameWithDefault('eleven_flash_v2_5'),
  DEEPGRAM_API_KEY: envVar.optionalSecret(),
  DEEPGRAM_BASE_URL: envVar.url('https://api.deepgram.com'),
  ESPEAK_NG_PATH: nameWithDefault('espeak-ng'),
  /** Time from request to first audio bytes before a vendor counts as failed (espeak gets more). */
  TTS_FIRST_AUDIO_BUDGET_MS: envVar.durationMs(DEFAULT_FIRST_AUDIO_BUDGET_MS),
  ...breakerConfigShape,
};

export type TtsConfig = z.output<z.ZodObject<typeof ttsConfigShape>>;
