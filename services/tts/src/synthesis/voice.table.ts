import type { ProviderVoice } from './speech.synthesizer';

/** The logical voices a call may ask for (SpeakSegment.voice_id); anything else gets DEFAULT_VOICE_ID. */
export const DEFAULT_VOICE_ID = 'warm-female';

/**
 * Each logical voice in every provider's terms, chosen to sound alike so a failover keeps the
 * caller's impression of one person: ElevenLabs voice ids, Aura-2 models, espeak-ng voices.
 */
const VOICES = {
  'warm-female': { elevenlabs: 'EXAVITQu4vr4xnSDxMaL', 'deepgram-aura': 'aura-2-thalia-en', espeak: 'en-us+f3' },
  'calm-male': { elevenlabs: 'pNInz6obpgDQGcFmaJgB', 'deepgram-aura': 'aura-2-apollo-en', espeak: 'en-us+m3' },
  'bright-female': { elevenlabs: '21m00Tcm4TlvDq8ikWAM', 'deepgram-aura': 'aura-2-andromeda-en', espeak: 'en-us+f4' },
} as const satisfies Record<string, Record<string, ProviderVoice>>;

export type TtsProviderName = keyof (typeof VOICES)[typeof DEFAULT_VOICE_ID];

/** One provider's column of the table. */
export interface VoiceMap {
  resolve(logicalVoiceId: string): ProviderVoice;
}

export function voiceMapFor(provider: TtsProviderName): VoiceMap {
  return {
    resolve: (logicalVoiceId) => {
      const row = Object.hasOwn(VOICES, logicalVoiceId) ? VOICES[logicalVoiceId as keyof typeof VOICES] : VOICES[DEFAULT_VOICE_ID];
      return row[provider];
    },
  };
}
