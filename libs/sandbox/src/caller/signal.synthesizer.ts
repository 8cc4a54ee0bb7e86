import { TextSpeechSignal } from '../speech/text-speech.signal';
import type { CallerVoice } from './caller.voice';

export interface SignalVoiceOptions {
  /** Speech length per character of text (about 60 ms at a normal speaking rate). */
  readonly msPerCharacter?: number;
  readonly minimumMs?: number;
}

/**
 * A voice for calls where the words do not matter: a speech-like signal whose length grows
 * with the text, unique on every call.
 */
export class SignalSynthesizer implements CallerVoice {
  private readonly signal: TextSpeechSignal;

  constructor(options: SignalVoiceOptions = {}) {
    this.signal = new TextSpeechSignal({ msPerCharacter: options.msPerCharacter ?? 60, minimumMs: options.minimumMs ?? 300 });
  }

  async synthesize(text: string): Promise<Uint8Array> {
    return this.signal.synthesize(text);
  }
}
