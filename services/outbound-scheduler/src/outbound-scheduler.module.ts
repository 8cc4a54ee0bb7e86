import { type DynamicModule, Module } from '@nestjs/common';
import { brokerApiControllers, brokerApiProviders } from './api/broker-api.parts';
import { clockProvider } from './clock';
import { dialerControllers, dialerProviders } from './dialer/dialer.parts';

/** The outbound-scheduler: the broker REST API and the dialer. */
@Module({})
export class OutboundSchedulerModule {
  static register(): DynamicModule {
    return {
      module: OutboundSchedulerModule,
      providers: [clockProvider, ...brokerApiProviders, ...dialerProviders],
      controllers: [...brokerApiControllers, ...dialerControllers],
    };
  }
}
