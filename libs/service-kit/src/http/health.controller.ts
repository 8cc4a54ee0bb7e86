import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { SERVICE_READINESS } from '../kit.tokens';
import type { ReadinessReport, ServiceReadiness } from '../readiness/service.readiness';

@Controller('health')
export class HealthController {
  constructor(@Inject(SERVICE_READINESS) private readonly readiness: ServiceReadiness) {}

  /** 200 while the process runs, draining included. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when every dependency answers; 503 with the same body shape otherwise or when draining. */
  @Get('ready')
  async ready(): Promise<ReadinessReport> {
    const report = await this.readiness.evaluate();
    if (report.status !== 'ready') throw new ServiceUnavailableException(report);
    return report;
  }
}
