/**
 * Resamples 16-bit PCM by linear interpolation, after a moving-average low-pass when going
 * down, which is enough for speech headed to an 8 kHz phone line.
 */
export function resamplePcm16(samples: Int16Array, fromHz: number, toHz: number): Int16Array {
  if (fromHz === toHz) return samples.slice();
  const source = toHz < fromHz ? lowPass(samples, Math.max(1, Math.round(fromHz / toHz))) : samples;
  const length = Math.floor((source.length * toHz) / fromHz);
  const result = new Int16Array(length);
  const step = fromHz / toHz;
  for (let index = 0; index < length; index += 1) {
    const position = index * step;
    const left = Math.floor(position);
    const fraction = position - left;
    const a = source[left] ?? 0;
    const b = source[Math.min(left + 1, source.length - 1)] ?? a;
    result[index] = Math.round(a + (b - a) * fraction);
  }
  return result;
}

function lowPass(samples: Int16Array, width: number): Int16Array {
  if (width <= 1) return samples;
  const result = new Int16Array(samples.length);
  let sum = 0;
  for (let index = 0; index < samples.length; index += 1) {
    sum += samples[index] ?? 0;
    if (index >= width) sum -= samples[index - width] ?? 0;
    result[index] = Math.round(sum / Math.min(index + 1, width));
  }
  return result;
}
