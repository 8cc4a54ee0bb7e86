import type { ServiceDefinition } from '@va/service-kit';
import { ToolExecutorModule } from './tool-executor.module';

export const toolExecutorService: ServiceDefinition = {
  name: 'tool-executor',
  defaultHttpPort: 8085,
  dependencies: ['kafka', 'postgres'],
  module: () => ToolExecutorModule.register(),
};
