import type { FaultPlan } from './stand-in/fault.plan';

/**
 * Latency presets for the stand-ins. `none` is for tests that inject their own; `realistic`
 * follows the vendors' published or commonly observed figures (provider-protocols.md §6):
 * Deepgram results ~150 ms after the audio that caused them, OpenAI first token ~400 ms then
 * ~50 tokens/s, ElevenLabs Flash first audio ~250 ms, Twilio ringing ~1.5 s and AMD ~2.5 s.
 */
export type LatencyPreset = 'none' | 'realistic';

export interface SandboxLatency {
  readonly deepgram: Partial<FaultPlan>;
  readonly openai: Partial<FaultPlan>;
  readonly elevenlabs: Partial<FaultPlan>;
  readonly twilio: { readonly ringMs: number; readonly answerDelayMs: number; readonly amdMs: number };
}

export const LATENCY_PRESETS: Readonly<Record<LatencyPreset, SandboxLatency>> = Object.freeze({
  none: {
    deepgram: {},
    openai: {},
    elevenlabs: {},
    twilio: { ringMs: 0, answerDelayMs: 0, amdMs: 0 },
  },
  realistic: {
    deepgram: { firstByteDelayMs: 150 },
    openai: { firstByteDelayMs: 400, chunkIntervalMs: 20 },
    elevenlabs: { firstByteDelayMs: 250, chunkIntervalMs: 40 },
    twilio: { ringMs: 1_500, answerDelayMs: 300, amdMs: 2_500 },
  },
});
