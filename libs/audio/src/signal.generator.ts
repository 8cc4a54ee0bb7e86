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
    const pitchHz = 140 + ((syllable * 37 + seed * 53) % 90);
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
