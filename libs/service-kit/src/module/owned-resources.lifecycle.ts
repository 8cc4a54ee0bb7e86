import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';

export const OWNED_RESOURCES = Symbol('va:owned-resources');

/** Connections an app owns; closed after its HTTP server has stopped. */
export interface OwnedResources {
  close(): Promise<void>;
}

@Injectable()
export class OwnedResourcesLifecycle implements OnApplicationShutdown {
  constructor(@Inject(OWNED_RESOURCES) private readonly resources: OwnedResources) {}

  async onApplicationShutdown(): Promise<void> {
    await this.resources.close();
  }
}
