import type { ServiceDefinition } from '@va/service-kit';
import { gatewayConfigShape } from './config/gateway.config';
import { MediaGatewayModule } from './media-gateway.module';

export const mediaGatewayService: ServiceDefinition = {
  name: 'media-gateway',
  defaultHttpPort: 8081,
  dependencies: ['kafka', 'postgres', 'redis'],
  configShape: gatewayConfigShape,
  // Time for load balancers to see readiness 503; live calls then drain for MEDIA_DRAIN_GRACE_MS.
  drainPeriodMs: 1_000,
  module: () => MediaGatewayModule.register(),
};
