import { speechLikeMulaw } from '@va/audio';
import { makeUnique } from './unique-audio';

export interface TextSpeechPace {
  /** Speech length per character of text. */
  readonly msPerCharacter: number;
  /** The shortest utterance, however short the text. */
  readonly minimumMs: number;
}

/**
 * Speech where the words do not matter: a speech-like mu-law signal as long as the text would
 * take to say, unique on every call. The TTS stand-ins' voice, and the simulated caller's
 * when it does not use espeak-ng.
 */
export class TextSpeechSignal {
  constructor(readonly pace: TextSpeechPace) {}

  durationMsFor(text: string): number {
    return Math.max(this.pace.minimumMs, Math.round(text.length * this.pace.msPerCharacter));
  }

  synthesize(text: string): Uint8Array {
    return makeUnique(speechLikeMulaw(this.durationMsFor(text), hashText(text)));
  }
}

function hashText(text: string): number {
  let hash = 2_166_136_261;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 16_777_619) >>> 0;
  return hash;
}
