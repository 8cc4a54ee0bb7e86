/** Quieter than this (about -44 dBFS) counts as silence when trimming. */
const SILENCE_AMPLITUDE = 200;
/** Kept either side of the loud part so onsets and decays are not clipped. */
const MARGIN_SAMPLES = 40;

/** `samples` without leading and trailing silence; empty when nothing is louder than silence. */
export function trimSilencePcm16(samples: Int16Array): Int16Array {
  let first = 0;
  while (first < samples.length && Math.abs(samples[first] ?? 0) <= SILENCE_AMPLITUDE) first += 1;
  if (first === samples.length) return new Int16Array(0);
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last] ?? 0) <= SILENCE_AMPLITUDE) last -= 1;
  return samples.slice(Math.max(0, first - MARGIN_SAMPLES), Math.min(samples.length, last + 1 + MARGIN_SAMPLES));
}
