import type { ServiceDefinition } from '@va/service-kit';
import { TtsModule } from './tts.module';

export const ttsService: ServiceDefinition = {
  name: 'tts',
  defaultHttpPort: 8084,
  dependencies: ['kafka'],
  module: () => TtsModule.register(),
};
