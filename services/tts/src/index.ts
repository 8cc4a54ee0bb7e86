export { ttsService } from './tts.service';
export { TtsModule } from './tts.module';
export { ttsConfigShape, type TtsConfig } from './tts.config';
export type { SpeechSynthesizer, SynthesisRequest, ProviderVoice } from './synthesis/speech.synthesizer';
