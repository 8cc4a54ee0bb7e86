import type { Logger } from '@va/observability';
import type { ChainLink } from '@va/resilience';
import type { TtsConfig } from '../tts.config';
import { DeepgramAuraSynthesizer } from './deepgram-aura.synthesizer';
import { ElevenLabsSynthesizer } from './elevenlabs.synthesizer';
import { EspeakSynthesizer } from './espeak.synthesizer';
import type { TtsProvider } from './tts.chain';
import { voiceMapFor } from './voice.table';

/** espeak-ng starts a process per segment: it gets more time than a vendor's first byte. */
const ESPEAK_MIN_BUDGET_MS = 5_000;

/**
 * The chain's links, primary first: ElevenLabs, Deepgram Aura, espeak-ng. A vendor without an
 * API key is left out (with a warning); the local engine is always there.
 */
export function ttsProvidersFromConfig(config: Readonly<TtsConfig>, logger: Logger): ChainLink<TtsProvider>[] {
  const links: ChainLink<TtsProvider>[] = [];
  if (config.ELEVENLABS_API_KEY === undefined) logger.warn('tts provider left out: no API key', { provider: 'elevenlabs', variable: 'ELEVENLABS_API_KEY' });
  else {
    const synthesizer = new ElevenLabsSynthesizer({ apiKey: config.ELEVENLABS_API_KEY, baseUrl: config.ELEVENLABS_BASE_URL, modelId: config.ELEVENLABS_MODEL_ID });
    links.push({ name: synthesizer.name, provider: { synthesizer, voices: voiceMapFor('elevenlabs') } });
  }
  if (config.DEEPGRAM_API_KEY === undefined) logger.warn('tts provider left out: no API key', { provider: 'deepgram-aura', variable: 'DEEPGRAM_API_KEY' });
  else {
    const synthesizer = new DeepgramAuraSynthesizer({ apiKey: config.DEEPGRAM_API_KEY, baseUrl: config.DEEPGRAM_BASE_URL });
    links.push({ name: synthesizer.name, provider: { synthesizer, voices: voiceMapFor('deepgram-aura') } });
  }
  const espeak = new EspeakSynthesizer({ executable: config.ESPEAK_NG_PATH });
  links.push({
    name: espeak.name,
    provider: { synthesizer: espeak, voices: voiceMapFor('espeak') },
    budgetMs: Math.max(ESPEAK_MIN_BUDGET_MS, config.TTS_FIRST_AUDIO_BUDGET_MS),
  });
  return links;
}
