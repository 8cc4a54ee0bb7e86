import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import { TextSpeechSignal, type TextSpeechPace } from '../speech/text-speech.signal';

export type SpeechSignalOptions = TextSpeechPace;

/**
 * The stand-in's "voice": speech-like audio as long as the text would take to say (unique on
 * every synthesis), registered in `agentSpeech` with its text before anyone hears it.
 */
export class SpeechSignalSynthesizer {
  private readonly signal: TextSpeechSignal;

  constructor(
    private readonly agentSpeech: UtteranceRegistry,
    options: SpeechSignalOptions,
  ) {
    this.signal = new TextSpeechSignal(options);
  }

  durationMsFor(text: string): number {
    return this.signal.durationMsFor(text);
  }

  synthesize(text: string): Uint8Array {
    const audio = this.signal.synthesize(text);
    this.agentSpeech.register(text, audio);
    return audio;
  }
}
