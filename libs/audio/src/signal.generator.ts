import { pcm16ToMulaw } from './mulaw.codec';
import { MULAW_SILENCE, mulawBytesForMs, TELEPHONY_SAMPLE_RATE_HZ } from './telephony-audio.format';

export function silenceMulaw(durationMs: number): Uint8Array {
  return new Uint8Array(mulawBytesForMs(durationMs)).fill(MULAW_SILENCE);
}

/**
 * A speech-like signal where words do not matter: a tone whose pitch and loudness move
 * syllable by syllable (about 5 per second), loud enough for any energy detector.
 */
export function speechLikeMulaw(durationMs: number, seed = 1): Uint8Array {
  const samples = new Int16Array(mulawBytesForMs(durationMs));
  const syllableSamples = TELEPHONY_SAMPLE_RATE_HZ / 5;
  let phase = 0;
  for (let index = 0; index < samples.length; index += 1) {
    const syllable = Math.floor(index / syllableSamples);
    const within = (index % syllableSamples) / syllableSamples;
    // Fractional pitches: whole-hertz pitches over 0.2 s syllables would bring the phase back
    // to one of five values at every syllable start, and different seeds would share audio.
    const pitchHz = 140 + (syllableHash(seed, syllable) % 9_000) / 100;
    const envelope = Math.sin(Math.PI * within) * 0.6 + 0.2;
    phase += (2 * Math.PI * pitchHz) / TELEPHONY_SAMPLE_RATE_HZ;
    const voiced = Math.sin(phase) + 0.35 * Math.sin(2 * phase) + 0.2 * Math.sin(3 * phase);
    samples[index] = Math.round(voiced * envelope * 9_000);
  }
  return pcm16ToMulaw(samples);
}

export function toneMulaw(durationMs: number, frequencyHz: number, amplitude = 8_000): Uint8Array {
  const samples = new Int16Array(mulawBytesForMs(durationMs));
  for (let index = 0; index < samples.length; index += 1) {
    samples[index] = Math.round(amplitude * Math.sin((2 * Math.PI * frequencyHz * index) / TELEPHONY_SAMPLE_RATE_HZ));
  }
  return pcm16ToMulaw(samples);
}

/** Pitch choice per syllable, mixed from seed and position so no two seeds share a pattern. */
function syllableHash(seed: number, syllable: number): number {
  let hash = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(syllable + 1, 0xc2b2ae35);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0x27d4eb2f);
  return (hash ^ (hash >>> 16)) >>> 0;
}
