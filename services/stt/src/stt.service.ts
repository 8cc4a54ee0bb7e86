import type { ServiceDefinition } from '@va/service-kit';
import { sttConfigShape } from './stt.config';
import { SttModule } from './stt.module';

export const sttService: ServiceDefinition = {
  name: 'stt',
  defaultHttpPort: 8082,
  dependencies: ['kafka'],
  configShape: sttConfigShape,
  module: () => SttModule.register(),
};
