import type { Bus } from '@va/bus';
import type { Logger } from '@va/observability';
import type { BreakerOptions } from '@va/resilience';
import type { Registry } from 'prom-client';
import { SpeechEngine } from '../speech/speech.engine';
import type { SpeechPolicy } from '../speech/speech.policy';
import { TtsMetrics } from '../speech/tts.metrics';
import { createTtsChain, type TtsChain } from '../synthesis/tts.chain';
import { ttsProvidersFromConfig } from '../synthesis/tts-providers.config';
import type { TtsConfig } from '../tts.config';

export interface TtsRuntimeDeps {
  readonly config: Readonly<TtsConfig>;
  readonly bus: Bus;
  readonly registry: Registry;
  readonly logger: Logger;
  readonly breaker?: BreakerOptions;
  readonly policy?: Partial<SpeechPolicy>;
}

export interface TtsRuntime {
  readonly chain: TtsChain;
  readonly engine: SpeechEngine;
}

/** The provider chain from configuration and the engine that publishes its audio on call.audio.out. */
export function createTtsRuntime(deps: TtsRuntimeDeps): TtsRuntime {
  const links = ttsProvidersFromConfig(deps.config, deps.logger);
  const chain = createTtsChain(links, { registry: deps.registry, firstAudioBudgetMs: deps.config.TTS_FIRST_AUDIO_BUDGET_MS, ...(deps.breaker === undefined ? {} : { breaker: deps.breaker }) });
  const engine = new SpeechEngine({
    chain,
    metrics: TtsMetrics.of(deps.registry),
    logger: deps.logger,
    publish: (chunk) => deps.bus.publish('call.audio.out', chunk),
    ...(deps.policy === undefined ? {} : { policy: deps.policy }),
  });
  deps.logger.info('tts provider chain ready', { providers: chain.names.join(',') });
  return { chain, engine };
}
