import { type DynamicModule, Module } from '@nestjs/common';

/** The root of one service app: the kit module plus the service's own module. */
@Module({})
export class ServiceRootModule {
  static compose(kit: DynamicModule, service: DynamicModule): DynamicModule {
    return { module: ServiceRootModule, imports: [kit, service] };
  }
}
