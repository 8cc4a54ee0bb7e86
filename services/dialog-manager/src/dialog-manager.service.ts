import type { ServiceDefinition } from '@va/service-kit';
import { DialogManagerModule } from './dialog-manager.module';

export const dialogManagerService: ServiceDefinition = {
  name: 'dialog-manager',
  defaultHttpPort: 8083,
  dependencies: ['kafka', 'redis'],
  module: () => DialogManagerModule.register(),
};
