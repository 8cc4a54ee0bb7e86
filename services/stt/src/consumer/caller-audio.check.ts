import { AudioEncoding, type CallerAudioChunk } from '@va/contracts';
import { TELEPHONY_SAMPLE_RATE_HZ } from '@va/audio';

/** Larger chunks than this (2 s of audio) are not what the gateway sends. */
const MAX_CHUNK_BYTES = 16_000;

/** Why a chunk cannot be recognized, or undefined when it can (mu-law, 8 kHz, non-empty, bounded). */
export function callerAudioProblem(chunk: CallerAudioChunk): string | undefined {
  if (chunk.callId === '') return 'no call id';
  if (chunk.sequence < 1) return 'no sequence';
  if (chunk.encoding !== AudioEncoding.MULAW) return 'not mu-law';
  if (chunk.sampleRateHz !== TELEPHONY_SAMPLE_RATE_HZ) return 'not 8 kHz';
  if (chunk.audio.length === 0) return 'empty';
  if (chunk.audio.length > MAX_CHUNK_BYTES) return 'too large';
  return undefined;
}
