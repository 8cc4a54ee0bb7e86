import type { FactoryProvider } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '../kit.tokens';

export const HTTP_REQUESTS_COUNTER = Symbol('va:http-requests-counter');

export type HttpRequestsCounter = Counter<'route' | 'method' | 'status'>;

export const httpRequestsCounterProvider: FactoryProvider<HttpRequestsCounter> = {
  provide: HTTP_REQUESTS_COUNTER,
  inject: [METRICS_REGISTRY],
  useFactory: (registry: Registry) =>
    new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route template, method and status code',
      labelNames: ['route', 'method', 'status'] as const,
      registers: [registry],
    }),
};
