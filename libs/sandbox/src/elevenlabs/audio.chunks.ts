import { mulawBytesForMs } from '@va/audio';

/** How much audio one HTTP chunk or WebSocket audio message carries. */
export const AUDIO_CHUNK_MS = 100;

/** Cuts audio into pieces of `chunkMs` (the last one shorter), without padding. */
export function audioChunks(audio: Uint8Array, chunkMs: number = AUDIO_CHUNK_MS): Uint8Array[] {
  const size = Math.max(1, mulawBytesForMs(chunkMs));
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < audio.length; offset += size) chunks.push(audio.subarray(offset, Math.min(offset + size, audio.length)));
  return chunks;
}
