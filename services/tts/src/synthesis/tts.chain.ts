import { FailoverChain, type BreakerOptions, type ChainLink } from '@va/resilience';
import type { Registry } from 'prom-client';
import type { SpeechSynthesizer } from './speech.synthesizer';
import type { VoiceMap } from './voice.table';

/** One link of the TTS chain: an adapter and its column of the voice table. */
export interface TtsProvider {
  readonly synthesizer: SpeechSynthesizer;
  readonly voices: VoiceMap;
}

export type TtsChain = FailoverChain<TtsProvider>;

export interface TtsChainOptions {
  readonly registry: Registry;
  /** Time to first audio of a provider without its own budget. */
  readonly firstAudioBudgetMs: number;
  readonly breaker?: BreakerOptions;
}

export function createTtsChain(links: readonly ChainLink<TtsProvider>[], options: TtsChainOptions): TtsChain {
  return new FailoverChain(links, {
    kind: 'tts',
    registry: options.registry,
    budgetMs: options.firstAudioBudgetMs,
    ...(options.breaker === undefined ? {} : { breaker: options.breaker }),
  });
}
