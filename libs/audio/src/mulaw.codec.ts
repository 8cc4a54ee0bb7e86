/**
 * G.711 mu-law companding between 16-bit linear PCM and 8-bit codes (ITU-T G.711, with the
 * usual bias of 0x84 and clip at 32635).
 */
const BIAS = 0x84;
const CLIP = 32_635;

const DECODE_TABLE: Int16Array = (() => {
  const table = new Int16Array(256);
  for (let code = 0; code < 256; code += 1) {
    const inverted = ~code & 0xff;
    const sign = inverted & 0x80;
    const exponent = (inverted >> 4) & 0x07;
    const mantissa = inverted & 0x0f;
    const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
    table[code] = sign !== 0 ? -magnitude : magnitude;
  }
  return table;
})();

export function encodeMulawSample(pcm: number): number {
  let sample = Math.max(-32_768, Math.min(32_767, Math.round(pcm)));
  const sign = sample < 0 ? 0x80 : 0;
  if (sign !== 0) sample = -sample;
  sample = Math.min(sample, CLIP) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (sample & mask) === 0 && exponent > 0; mask >>= 1) exponent -= 1;
  const mantissa = (sample >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

export function decodeMulawSample(code: number): number {
  return DECODE_TABLE[code & 0xff] ?? 0;
}

export function pcm16ToMulaw(samples: Int16Array): Uint8Array {
  const codes = new Uint8Array(samples.length);
  for (let index = 0; index < samples.length; index += 1) codes[index] = encodeMulawSample(samples[index] ?? 0);
  return codes;
}

export function mulawToPcm16(codes: Uint8Array): Int16Array {
  const samples = new Int16Array(codes.length);
  for (let index = 0; index < codes.length; index += 1) samples[index] = DECODE_TABLE[codes[index] ?? MULAW_ZERO] ?? 0;
  return samples;
}

const MULAW_ZERO = 0xff;
