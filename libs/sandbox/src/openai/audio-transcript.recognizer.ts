import { FRAME_BYTES, MULAW_SILENCE, mulawLevelDbfs } from '@va/audio';
import type { RegisteredUtterance, UtteranceRegistry } from '../side-channel/utterance.registry';

/** Windows this close to an end of an utterance's voiced audio count as reaching it. */
const EDGE_TOLERANCE_BYTES = 2 * FRAME_BYTES;
/** A window needs this level to be looked up (the Deepgram stand-in's speech threshold). */
const VOICED_THRESHOLD_DBFS = -45;

interface HeardSpan {
  readonly utterance: RegisteredUtterance;
  /** First and last (exclusive) byte of the registered audio found in the upload. */
  from: number;
  to: number;
}

/**
 * What the transcription stand-in "hears" in a finished recording: the registered caller
 * utterances found in it, and of each only the words whose audio the recording holds. A
 * recording that starts mid-utterance yields the rest of it, as a replay after a failover does.
 *
 * The audio arrived as PCM16 made from mu-law, and mu-law's second zero code (0x7F) comes back
 * as 0xFF; windows holding a 0xFF byte are therefore not looked up, since they may not match.
 */
export function transcribeRecording(mulaw: Uint8Array, registry: UtteranceRegistry): string {
  const spans: HeardSpan[] = [];
  for (let offset = 0; offset + FRAME_BYTES <= mulaw.length; offset += FRAME_BYTES) {
    const window = mulaw.subarray(offset, offset + FRAME_BYTES);
    if (window.includes(MULAW_SILENCE) || mulawLevelDbfs(window) <= VOICED_THRESHOLD_DBFS) continue;
    const match = registry.match(window);
    if (match === undefined) continue;
    const at = Math.round(match.progress * match.utterance.audio.length) - window.length;
    if (at < 0 || !match.utterance.audio.subarray(at, at + window.length).equals(window)) continue;
    const span = spans.find((candidate) => candidate.utterance.id === match.utterance.id);
    if (span === undefined) spans.push({ utterance: match.utterance, from: at, to: at + window.length });
    else {
      span.from = Math.min(span.from, at);
      span.to = Math.max(span.to, at + window.length);
    }
  }
  return spans.flatMap(wordsOf).join(' ');
}

function wordsOf(span: HeardSpan): string[] {
  const { words } = span.utterance;
  const extent = voicedExtent(span.utterance.audio);
  const from = span.from - extent.start <= EDGE_TOLERANCE_BYTES ? extent.start : span.from;
  const to = extent.end - span.to <= EDGE_TOLERANCE_BYTES ? extent.end : span.to;
  const wordBytes = (extent.end - extent.start) / Math.max(1, words.length);
  return words.filter((_, index) => {
    const middle = extent.start + (index + 0.5) * wordBytes;
    return middle >= from && middle <= to;
  });
}

function voicedExtent(audio: Uint8Array): { start: number; end: number } {
  let start = -1;
  let end = audio.length;
  for (let offset = 0; offset < audio.length; offset += FRAME_BYTES) {
    const window = audio.subarray(offset, offset + FRAME_BYTES);
    if (mulawLevelDbfs(window) <= VOICED_THRESHOLD_DBFS) continue;
    if (start < 0) start = offset;
    end = offset + window.length;
  }
  return { start: Math.max(0, start), end };
}
