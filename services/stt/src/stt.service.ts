import type { ServiceDefinition } from '@va/service-kit';
import { SttModule } from './stt.module';

export const sttService: ServiceDefinition = {
  name: 'stt',
  defaultHttpPort: 8082,
  dependencies: ['kafka'],
  module: () => SttModule.register(),
};
