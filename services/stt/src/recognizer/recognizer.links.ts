import type { Logger } from '@va/observability';
import type { ChainLink } from '@va/resilience';
import type { SttConfig } from '../stt.config';
import { DeepgramRecognizer } from './deepgram.recognizer';
import { OpenAiRecognizer } from './openai.recognizer';
import type { StreamingRecognizer } from './streaming.recognizer';

/** One utterance's transcription must answer within this. */
const OPENAI_REQUEST_TIMEOUT_MS = 10_000;

/** The recognizers in failover order (Deepgram, then OpenAI); one without an API key is left out, with a warning. */
export function recognizerLinks(config: SttConfig, logger: Logger): ChainLink<StreamingRecognizer>[] {
  const links: ChainLink<StreamingRecognizer>[] = [];
  if (config.DEEPGRAM_API_KEY === undefined) logger.warn('speech recognizer left out: no API key', { provider: 'deepgram', variable: 'DEEPGRAM_API_KEY' });
  else {
    const recognizer = new DeepgramRecognizer({ apiKey: config.DEEPGRAM_API_KEY, baseUrl: config.DEEPGRAM_BASE_URL, wsUrl: config.DEEPGRAM_WS_URL });
    links.push({ name: recognizer.name, provider: recognizer });
  }
  if (config.OPENAI_API_KEY === undefined) logger.warn('speech recognizer left out: no API key', { provider: 'openai', variable: 'OPENAI_API_KEY' });
  else {
    const recognizer = new OpenAiRecognizer({
      apiKey: config.OPENAI_API_KEY,
      baseUrl: config.OPENAI_BASE_URL,
      model: config.OPENAI_TRANSCRIPTION_MODEL,
      requestTimeoutMs: OPENAI_REQUEST_TIMEOUT_MS,
    });
    links.push({ name: recognizer.name, provider: recognizer });
  }
  return links;
}
