export { ttsService } from './tts.service';
export { TtsModule } from './tts.module';
