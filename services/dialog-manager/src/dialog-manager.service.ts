import type { ServiceDefinition } from '@va/service-kit';
import { DialogManagerModule } from './dialog-manager.module';
import { dialogConfigShape } from './orchestrator/dialog.config';

export const dialogManagerService: ServiceDefinition = {
  name: 'dialog-manager',
  defaultHttpPort: 8083,
  // Postgres: the tenant's name, kind and flow settings (read-only, row-level security).
  dependencies: ['kafka', 'redis', 'postgres'],
  configShape: dialogConfigShape,
  module: () => DialogManagerModule.register(),
};
