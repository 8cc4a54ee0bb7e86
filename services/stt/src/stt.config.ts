import { envVar } from '@va/config';
import { breakerConfigShape } from '@va/resilience';
import { z } from 'zod';

/** The stt service's own variables; every one optional, so the service boots with none (and recognizes nothing without a key). */
export const sttConfigShape = {
  DEEPGRAM_API_KEY: envVar.optionalSecret(),
  DEEPGRAM_BASE_URL: envVar.url('https://api.deepgram.com'),
  DEEPGRAM_WS_URL: envVar.webSocketUrl('wss://api.deepgram.com'),
  OPENAI_API_KEY: envVar.optionalSecret(),
  OPENAI_BASE_URL: envVar.url('https://api.openai.com/v1'),
  OPENAI_TRANSCRIPTION_MODEL: z.string().trim().min(1).default('gpt-4o-mini-transcribe'),
  /** Time after an unanswered speech onset before a silent recognizer is failed over. */
  STT_SILENCE_BUDGET_MS: envVar.durationMs(2_000),
  /** Time allowed to connect a recognizer before the next is tried. */
  STT_CONNECT_BUDGET_MS: envVar.durationMs(3_000),
  /** A call with no audio for this long loses its session. */
  STT_IDLE_CLOSE_MS: envVar.durationMs(30_000),
  ...breakerConfigShape,
};

export type SttConfig = Readonly<z.output<z.ZodObject<typeof sttConfigShape>>>;
