import type { ServiceDefinition } from '@va/service-kit';
import { MediaGatewayModule } from './media-gateway.module';

export const mediaGatewayService: ServiceDefinition = {
  name: 'media-gateway',
  defaultHttpPort: 8081,
  dependencies: ['kafka', 'postgres', 'redis'],
  module: () => MediaGatewayModule.register(),
};
