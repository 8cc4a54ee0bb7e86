/**
 * The platform's audio format at every telephony boundary: G.711 mu-law, 8 kHz, mono, one
 * byte per sample. 20 ms is one Twilio media frame.
 */
export const TELEPHONY_SAMPLE_RATE_HZ = 8_000;
export const FRAME_DURATION_MS = 20;
export const BYTES_PER_MS = TELEPHONY_SAMPLE_RATE_HZ / 1_000;
export const FRAME_BYTES = FRAME_DURATION_MS * BYTES_PER_MS;
/** Mu-law digital silence (0x7F is the other zero code). */
export const MULAW_SILENCE = 0xff;

export function durationMsOfMulaw(byteLength: number): number {
  return byteLength / BYTES_PER_MS;
}

export function mulawBytesForMs(durationMs: number): number {
  return Math.round(durationMs * BYTES_PER_MS);
}
