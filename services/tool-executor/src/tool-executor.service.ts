import { fieldKeyringShape } from '@va/data';
import type { ServiceDefinition } from '@va/service-kit';
import { ToolExecutorModule } from './tool-executor.module';

export const toolExecutorService: ServiceDefinition = {
  name: 'tool-executor',
  defaultHttpPort: 8085,
  dependencies: ['kafka', 'postgres'],
  // Dates of birth are verified and intake records written under the field keyring.
  configShape: fieldKeyringShape,
  module: () => ToolExecutorModule.register(),
};
