import { decodeMulawSample } from './mulaw.codec';

const FULL_SCALE = 32_768;
/** The floor reported for digital silence, instead of minus infinity. */
export const SILENCE_FLOOR_DBFS = -100;

/** Root-mean-square level of mu-law audio in dB relative to full scale. */
export function mulawLevelDbfs(audio: Uint8Array): number {
  if (audio.length === 0) return SILENCE_FLOOR_DBFS;
  let sumOfSquares = 0;
  for (const code of audio) {
    const sample = decodeMulawSample(code);
    sumOfSquares += sample * sample;
  }
  const rms = Math.sqrt(sumOfSquares / audio.length);
  return rms === 0 ? SILENCE_FLOOR_DBFS : Math.max(SILENCE_FLOOR_DBFS, 20 * Math.log10(rms / FULL_SCALE));
}
