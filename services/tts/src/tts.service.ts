import type { ServiceDefinition } from '@va/service-kit';
import { ttsConfigShape } from './tts.config';
import { TtsModule } from './tts.module';

export const ttsService: ServiceDefinition = {
  name: 'tts',
  defaultHttpPort: 8084,
  dependencies: ['kafka'],
  configShape: ttsConfigShape,
  module: () => TtsModule.register(),
};
