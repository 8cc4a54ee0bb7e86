import type { RecognizedTranscript } from '../recognizer/streaming.recognizer';

/** What a session reports for its call, with offsets in the call's audio stream. */
export type RecognitionEvent =
  | { readonly kind: 'transcript'; readonly transcript: RecognizedTranscript }
  | { readonly kind: 'speech-started'; readonly offsetMs: number }
  | { readonly kind: 'utterance-ended'; readonly lastWordEndMs: number };

export type RecognitionListener = (callId: string, provider: string, event: RecognitionEvent) => void;
