import { FRAME_BYTES, MULAW_SILENCE } from './telephony-audio.format';

/** Cuts mu-law audio into frames of `frameBytes`; the last one is padded with silence. */
export function splitIntoFrames(audio: Uint8Array, frameBytes: number = FRAME_BYTES): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset < audio.length; offset += frameBytes) {
    const frame = new Uint8Array(frameBytes).fill(MULAW_SILENCE);
    frame.set(audio.subarray(offset, Math.min(offset + frameBytes, audio.length)));
    frames.push(frame);
  }
  return frames;
}

export function concatAudio(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
