import type { MessageInit } from '@va/contracts';
import type { RecognitionEvent } from '../session/recognition.event';

/** A session's event as the call.transcript message (offsets as whole, non-negative milliseconds). */
export function transcriptMessage(callId: string, provider: string, event: RecognitionEvent, producedAtMs: number): MessageInit<'call.transcript'> {
  const base = { callId, provider, producedAtUnixMs: BigInt(Math.round(producedAtMs)) };
  if (event.kind === 'speech-started') return { ...base, event: { case: 'speechStarted', value: { streamOffsetMs: offset(event.offsetMs) } } };
  if (event.kind === 'utterance-ended') return { ...base, event: { case: 'utteranceEnded', value: { lastWordEndMs: offset(event.lastWordEndMs) } } };
  const { transcript } = event;
  return {
    ...base,
    event: {
      case: 'transcript',
      value: {
        text: transcript.text,
        isFinal: transcript.isFinal,
        speechFinal: transcript.speechFinal,
        confidence: transcript.confidence,
        startMs: offset(transcript.startMs),
        endMs: offset(transcript.endMs),
      },
    },
  };
}

function offset(ms: number): number {
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0;
}
