import { createLogger } from '@va/observability';
import { Registry } from 'prom-client';
import type { ChainLink } from '@va/resilience';
import { createTtsChain, type TtsChain, type TtsProvider } from '../synthesis/tts.chain';
import { voiceMapFor, type TtsProviderName } from '../synthesis/voice.table';
import type { ScriptedSynthesizer } from './scripted.synthesizer.test-support';
import { SpeechEngine, type SpeakRequest } from './speech.engine';
import type { SpeechPolicy } from './speech.policy';
import { TtsMetrics } from './tts.metrics';
import { labelOf } from './scripted.synthesizer.test-support';
import type { AgentAudioInit } from './turn.playback';

export interface EngineHarness {
  readonly engine: SpeechEngine;
  readonly chain: TtsChain;
  readonly published: AgentAudioInit[];
  readonly registry: Registry;
  speak(callId: string, turnId: string, segmentIndex: number, text: string, lastInTurn?: boolean): string;
  metric(name: string, labels: Record<string, string>): Promise<number>;
  /** Published chunks of one call and turn, as (segment, chunk, provider, last, text). */
  chunks(callId: string, turnId?: string): Array<{ segment: number; chunk: number; provider: string; last: boolean; text: string; bytes: number }>;
}

const PROVIDER_NAMES: readonly TtsProviderName[] = ['elevenlabs', 'deepgram-aura', 'espeak'];

/** The engine over fake providers (the first fake takes ElevenLabs' voices, and so on), publishing into an array. */
export function engineHarness(fakes: readonly ScriptedSynthesizer[], options: { budgetMs?: number; policy?: Partial<SpeechPolicy> } = {}): EngineHarness {
  const registry = new Registry();
  const links: ChainLink<TtsProvider>[] = fakes.map((fake, index) => ({ name: fake.name, provider: { synthesizer: fake, voices: voiceMapFor(PROVIDER_NAMES[index] ?? 'espeak') } }));
  const chain = createTtsChain(links, { registry, firstAudioBudgetMs: options.budgetMs ?? 1_000, breaker: { volumeThreshold: 1_000 } });
  const published: AgentAudioInit[] = [];
  const engine = new SpeechEngine({
    chain,
    metrics: TtsMetrics.of(registry),
    logger: createLogger({ service: 'tts-test', level: 'error' }),
    publish: (chunk) => {
      published.push(chunk);
      return Promise.resolve();
    },
    ...(options.policy === undefined ? {} : { policy: options.policy }),
  });
  return {
    engine,
    chain,
    published,
    registry,
    speak: (callId, turnId, segmentIndex, text, lastInTurn = false) => {
      const request: SpeakRequest = { turnId, segmentIndex, text, lastInTurn, voiceId: 'warm-female' };
      return engine.speak(callId, request);
    },
    metric: async (name, labels) => {
      const metric = await registry.getSingleMetric(name)?.get();
      const value = metric?.values.find((entry) => Object.entries(labels).every(([key, wanted]) => entry.labels[key] === wanted));
      return value?.value ?? 0;
    },
    chunks: (callId, turnId) =>
      published
        .filter((chunk) => chunk.callId === callId && (turnId === undefined || chunk.turnId === turnId))
        .map((chunk) => ({
          segment: chunk.segmentIndex ?? -1,
          chunk: chunk.chunkIndex ?? -1,
          provider: chunk.audio !== undefined && chunk.audio.length > 0 ? labelOf(chunk.audio).provider : '',
          last: chunk.lastInSegment === true,
          text: chunk.text ?? '',
          bytes: chunk.audio?.length ?? 0,
        })),
  };
}
