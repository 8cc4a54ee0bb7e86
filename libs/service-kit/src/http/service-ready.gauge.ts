import type { FactoryProvider } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY, SERVICE_READINESS } from '../kit.tokens';
import type { ServiceReadiness } from '../readiness/service.readiness';

export const SERVICE_READY_GAUGE = Symbol('va:service-ready-gauge');

/** 1 when /health/ready would answer 200; evaluated at scrape time. */
export const serviceReadyGaugeProvider: FactoryProvider<Gauge> = {
  provide: SERVICE_READY_GAUGE,
  inject: [METRICS_REGISTRY, SERVICE_READINESS],
  useFactory: (registry: Registry, readiness: ServiceReadiness) =>
    new Gauge({
      name: 'service_ready',
      help: '1 when every dependency of the service answers and it is not draining, else 0',
      registers: [registry],
      async collect() {
        const report = await readiness.evaluate();
        this.set(report.status === 'ready' ? 1 : 0);
      },
    }),
};
