import type { DynamicModule } from '@nestjs/common';
import type { z } from 'zod';
import type { ServiceName } from '@va/contracts';

/** Servers a service needs in distributed mode; each one gets a readiness probe. */
export type ServiceDependency = 'kafka' | 'postgres' | 'redis';

/** Extra environment variables a service reads, keyed by variable name. */
export type ServiceConfigShape = Readonly<Record<string, z.ZodType>>;

/** Everything the kit needs to run one service, in either mode. */
export interface ServiceDefinition {
  readonly name: ServiceName;
  /** HTTP_PORT when the variable is unset. */
  readonly defaultHttpPort: number;
  readonly dependencies: readonly ServiceDependency[];
  /** The service's own variables; parsed in the same pass as the shared ones. */
  readonly configShape?: ServiceConfigShape;
  /** Time between readiness turning 503 and the app closing on shutdown; defaults to 0. */
  readonly drainPeriodMs?: number;
  /** The largest JSON request body accepted (413 above it); defaults to the framework's 100 kB. */
  readonly jsonBodyLimitBytes?: number;
  /** The service's own Nest module (consumers, controllers, providers). */
  readonly module: () => DynamicModule;
}
