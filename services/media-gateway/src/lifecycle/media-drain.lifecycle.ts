import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { CallEndReason } from '@va/contracts';
import type { Logger } from '@va/observability';
import { LOGGER, SERVICE_CONFIG } from '@va/service-kit';
import { effectiveDrainGraceMs, type GatewayConfig } from '../config/gateway.config';
import { LiveCallRegistry } from '../media/live-call.registry';
import { LiveCallTerminator } from '../media/live-call.terminator';

/**
 * Holds the app's close (the first shutdown hook Nest runs, before any subscription or socket
 * closes) until the held calls have ended or MEDIA_DRAIN_GRACE_MS has passed; calls still up
 * then are ended. Meanwhile readiness is 503, new webhooks hear "busy" and new streams are
 * refused. The grace is clamped to what SHUTDOWN_GRACE_MS leaves, so the kit never cuts the
 * process off mid-drain.
 */
@Injectable()
export class MediaDrainLifecycle implements OnModuleDestroy {
  constructor(
    private readonly registry: LiveCallRegistry,
    private readonly terminator: LiveCallTerminator,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleDestroy(): Promise<void> {
    const graceMs = effectiveDrainGraceMs(this.config);
    if (graceMs < this.config.MEDIA_DRAIN_GRACE_MS) {
      this.logger.warn('MEDIA_DRAIN_GRACE_MS exceeds what SHUTDOWN_GRACE_MS leaves; draining for less', { graceMs, configuredMs: this.config.MEDIA_DRAIN_GRACE_MS });
    }
    if (this.registry.size > 0) {
      this.logger.info('draining live calls', { calls: this.registry.size, graceMs });
      const drained = await this.registry.whenEmpty(graceMs);
      if (!drained) {
        this.logger.warn('drain grace passed with calls still live', { calls: this.registry.size });
        for (const call of this.registry.all()) this.terminator.end(call, CallEndReason.FAILED);
      }
    }
    this.registry.stopTicker();
  }
}
