import type { SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import type { Clock } from '../../clock';
import { DIALER_POLICY } from '../dialer.policy';
import { completeFinishedCampaigns, leaseDueAttempts, releaseExpiredLeases, requeueUnseenDials } from '../leasing/attempt.leases';
import { dialerTenants } from '../leasing/dialer-tenants.query';
import type { StuckCallChecker } from '../recovery/stuck-call.checker';
import { scheduleRequestedCallbacks } from '../requested-callbacks/requested-callbacks.scheduler';
import type { AttemptProcessor } from './attempt.processor';

export interface DialerLoopDeps {
  readonly db: SqlDatabase;
  readonly clock: Clock;
  readonly owner: string;
  readonly leaseMs: number;
  readonly pollIntervalMs: number;
  readonly processor: AttemptProcessor;
  /** Placed calls whose terminal callback never came, asked of the provider. */
  readonly stuckCalls: StuckCallChecker;
  /** False while telephony is unavailable (breaker open): nothing is leased. */
  readonly canDial: () => boolean;
  readonly logger: Logger;
}

/**
 * The dialer's loop: every poll interval, per tenant: recovery (expired leases, unseen dials),
 * requested callbacks scheduled as attempts, stuck calls checked with the provider, a batch of
 * due attempts leased and processed one by one, then finished campaigns marked completed. Ticks never overlap; a failed tick is logged and the next one runs.
 */
export class DialerLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();

  constructor(private readonly deps: DialerLoopDeps) {}

  start(): void {
    if (this.timer !== undefined || this.stopping.signal.aborted) return;
    this.schedule(0);
  }

  /** Stops after the current attempt; its lease (if any) is released by recovery. */
  async stop(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.running;
  }

  /** Stops at once without finishing the current attempt: what a crash leaves behind (tests). */
  halt(): void {
    this.stopping.abort();
    clearTimeout(this.timer);
  }

  /** One pass, for tests and for the timer. */
  async tick(signal: AbortSignal = this.stopping.signal): Promise<void> {
    const { db, clock, owner, leaseMs } = this.deps;
    for (const tenantId of await dialerTenants(db)) {
      if (signal.aborted) return;
      await db.inTenant(tenantId, async (session) => {
        const now = clock.now();
        await releaseExpiredLeases(session, now);
        await requeueUnseenDials(session, now);
        await scheduleRequestedCallbacks(session, { tenantId, now, limit: DIALER_POLICY.leaseBatchSize });
      });
      await this.deps.stuckCalls.check(tenantId, signal);
      const leased = this.deps.canDial()
        ? await db.inTenant(tenantId, (session) => leaseDueAttempts(session, { owner, now: clock.now(), leaseMs, limit: DIALER_POLICY.leaseBatchSize }))
        : [];
      for (const attemptId of leased) {
        if (signal.aborted) return;
        await this.deps.processor.process(tenantId, attemptId, signal);
      }
      await db.inTenant(tenantId, (session) => completeFinishedCampaigns(session));
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => {
          if (!this.stopping.signal.aborted) this.deps.logger.error('dialer tick failed', { error: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => {
          if (!this.stopping.signal.aborted) this.schedule(this.deps.pollIntervalMs);
        });
    }, delayMs);
  }
}
