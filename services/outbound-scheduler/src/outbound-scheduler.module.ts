import { type DynamicModule, Module } from '@nestjs/common';

/**
 * The outbound-scheduler service's own providers and controllers; none yet. What lands here:
 * Broker campaign REST API and the dialer: DNC, consent, calling hours, pacing, retries (issue: outbound campaigns).
 */
@Module({})
export class OutboundSchedulerModule {
  static register(): DynamicModule {
    return { module: OutboundSchedulerModule, providers: [], controllers: [] };
  }
}
