import type { ServiceDefinition } from '@va/service-kit';
import { BROKER_API_JSON_BODY_LIMIT_BYTES, brokerApiConfigShape } from './api/broker-api.parts';
import { dialerConfigShape } from './dialer/dialer.parts';
import { OutboundSchedulerModule } from './outbound-scheduler.module';

export const outboundSchedulerService: ServiceDefinition = {
  name: 'outbound-scheduler',
  defaultHttpPort: 8086,
  dependencies: ['kafka', 'postgres'],
  configShape: { ...brokerApiConfigShape, ...dialerConfigShape },
  // A client import may be a JSON array of thousands of rows.
  jsonBodyLimitBytes: BROKER_API_JSON_BODY_LIMIT_BYTES,
  module: () => OutboundSchedulerModule.register(),
};
