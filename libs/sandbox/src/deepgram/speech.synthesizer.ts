import { TextSpeechSignal } from '../speech/text-speech.signal';

/** Speaking pace of the generated audio. */
export const MS_PER_CHARACTER = 65;
export const MIN_SPEECH_MS = 300;

const pace = new TextSpeechSignal({ msPerCharacter: MS_PER_CHARACTER, minimumMs: MIN_SPEECH_MS });

export function speechDurationMs(text: string): number {
  return pace.durationMsFor(text);
}

/** Stands in for an Aura voice: unique speech-like audio as long as the text would take to say. */
export class SpeechSynthesizer {
  synthesize(text: string): Uint8Array {
    return pace.synthesize(text);
  }
}
