import { type DynamicModule, Module, type ValueProvider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { SqlDatabase } from '@va/data';
import type { Registry } from 'prom-client';
import type { Bus } from '@va/bus';
import type { Logger } from '@va/observability';
import { HealthController } from '../http/health.controller';
import { HttpMetricsInterceptor } from '../http/http-metrics.interceptor';
import { httpRequestsCounterProvider } from '../http/http-requests.counter';
import { MetricsController } from '../http/metrics.controller';
import { serviceReadyGaugeProvider } from '../http/service-ready.gauge';
import {
  BUS,
  LOGGER,
  METRICS_REGISTRY,
  PG_POOL,
  SQL_DATABASE,
  REDIS_CLIENT,
  RUN_MODE,
  SERVICE_CONFIG,
  SERVICE_READINESS,
} from '../kit.tokens';
import type { ServiceReadiness } from '../readiness/service.readiness';
import type { RunMode } from '../run.mode';
import { OWNED_RESOURCES, type OwnedResources, OwnedResourcesLifecycle } from './owned-resources.lifecycle';

export interface ServiceKitModuleOptions {
  readonly mode: RunMode;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly readiness: ServiceReadiness;
  readonly bus: Bus;
  readonly postgres?: Pool;
  readonly database?: SqlDatabase;
  readonly redis?: Redis;
  readonly serviceConfig: Readonly<Record<string, unknown>>;
  readonly ownedResources: OwnedResources;
}

/** Health, metrics and the shared ports, provided globally to the service's own module. */
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitModuleOptions): DynamicModule {
    const ports: ValueProvider[] = [
      { provide: LOGGER, useValue: options.logger },
      { provide: METRICS_REGISTRY, useValue: options.registry },
      { provide: BUS, useValue: options.bus },
      { provide: SERVICE_CONFIG, useValue: options.serviceConfig },
      { provide: RUN_MODE, useValue: options.mode },
      { provide: SERVICE_READINESS, useValue: options.readiness },
      ...(options.postgres === undefined ? [] : [{ provide: PG_POOL, useValue: options.postgres }]),
      ...(options.database === undefined ? [] : [{ provide: SQL_DATABASE, useValue: options.database }]),
      ...(options.redis === undefined ? [] : [{ provide: REDIS_CLIENT, useValue: options.redis }]),
    ];
    return {
      module: ServiceKitModule,
      global: true,
      controllers: [HealthController, MetricsController],
      providers: [
        ...ports,
        httpRequestsCounterProvider,
        serviceReadyGaugeProvider,
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
        { provide: OWNED_RESOURCES, useValue: options.ownedResources },
        OwnedResourcesLifecycle,
      ],
      exports: ports.map((port) => port.provide),
    };
  }
}
