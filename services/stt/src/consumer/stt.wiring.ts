import type { Bus } from '@va/bus';
import type { Logger } from '@va/observability';
import type { BreakerOptions } from '@va/resilience';
import type { Registry } from 'prom-client';
import { recognizerLinks } from '../recognizer/recognizer.links';
import type { Scheduler } from '../session/scheduler.port';
import { DEFAULT_SESSION_POLICY } from '../session/session.policy';
import type { SttConfig } from '../stt.config';
import { startSttPipeline, type SttPipeline } from './stt.pipeline';

export interface SttWiring {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly config: SttConfig;
  readonly scheduler: Scheduler;
  readonly instanceId: string;
  readonly breaker?: BreakerOptions;
}

/** The pipeline as the service runs it: recognizers, budgets and policy from the parsed configuration. */
export function startSttFromConfig(wiring: SttWiring): Promise<SttPipeline> {
  const { config } = wiring;
  return startSttPipeline({
    bus: wiring.bus,
    logger: wiring.logger,
    registry: wiring.registry,
    links: recognizerLinks(config, wiring.logger),
    connectBudgetMs: config.STT_CONNECT_BUDGET_MS,
    idleCloseMs: config.STT_IDLE_CLOSE_MS,
    policy: { ...DEFAULT_SESSION_POLICY, silenceBudgetMs: config.STT_SILENCE_BUDGET_MS },
    scheduler: wiring.scheduler,
    instanceId: wiring.instanceId,
    ...(wiring.breaker === undefined ? {} : { breaker: wiring.breaker }),
  });
}
