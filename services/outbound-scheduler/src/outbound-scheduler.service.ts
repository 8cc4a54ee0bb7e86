import type { ServiceDefinition } from '@va/service-kit';
import { brokerApiConfigShape } from './api/broker-api.parts';
import { dialerConfigShape } from './dialer/dialer.parts';
import { OutboundSchedulerModule } from './outbound-scheduler.module';

export const outboundSchedulerService: ServiceDefinition = {
  name: 'outbound-scheduler',
  defaultHttpPort: 8086,
  dependencies: ['kafka', 'postgres'],
  configShape: { ...brokerApiConfigShape, ...dialerConfigShape },
  module: () => OutboundSchedulerModule.register(),
};
