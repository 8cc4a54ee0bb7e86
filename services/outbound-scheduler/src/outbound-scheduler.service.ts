import type { ServiceDefinition } from '@va/service-kit';
import { OutboundSchedulerModule } from './outbound-scheduler.module';

export const outboundSchedulerService: ServiceDefinition = {
  name: 'outbound-scheduler',
  defaultHttpPort: 8086,
  dependencies: ['kafka', 'postgres'],
  module: () => OutboundSchedulerModule.register(),
};
