import type { Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Bus } from '@va/bus';
import type { SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import { breakerOptionsFromConfig } from '@va/resilience';
import { BUS, LOGGER, METRICS_REGISTRY, REDIS_CLIENT, RUN_MODE, SERVICE_CONFIG, SQL_DATABASE, type RunMode } from '@va/service-kit';
import type { Registry } from 'prom-client';
import type { TurnEngine } from '../engine/turn-engine.contract';
import { chatModelChainFromConfig, type ChatModelChain } from '../llm';
import { MemorySessionStore, RedisSessionStore, type SessionStore } from '../session';
import { MemoryCallInfoStore, RedisCallInfoStore, type CallInfoStore } from './call-info.store';
import type { DialogConfig } from './dialog.config';
import { DialogOrchestrator } from './dialog.orchestrator';
import { TenantDirectory } from './tenant.directory';
import { VoicemailPolicyDirectory } from './voicemail-policy.directory';

export const SESSION_STORE = Symbol('va:dialog-session-store');
export const CALL_INFO_STORE = Symbol('va:dialog-call-info-store');
export const TURN_ENGINE = Symbol('va:turn-engine');
export const LLM_CHAIN = Symbol('va:llm-chain');

/** Redis in distributed mode (shared by the instances, so another can take a call over); in memory in embedded mode. */
export function dialogProviders(engine: () => TurnEngine): Provider[] {
  return [
    {
      provide: SESSION_STORE,
      inject: [RUN_MODE, { token: REDIS_CLIENT, optional: true }],
      useFactory: (mode: RunMode, redis: Redis | undefined): SessionStore => (mode === 'distributed' && redis !== undefined ? new RedisSessionStore(redis) : new MemorySessionStore()),
    },
    {
      provide: CALL_INFO_STORE,
      inject: [RUN_MODE, { token: REDIS_CLIENT, optional: true }],
      useFactory: (mode: RunMode, redis: Redis | undefined): CallInfoStore => (mode === 'distributed' && redis !== undefined ? new RedisCallInfoStore(redis) : new MemoryCallInfoStore()),
    },
    { provide: TURN_ENGINE, useFactory: engine },
    {
      // The configured models, primary first; null when none is: the engine answers every turn.
      provide: LLM_CHAIN,
      inject: [SERVICE_CONFIG, METRICS_REGISTRY, LOGGER],
      useFactory: (config: DialogConfig, registry: Registry, logger: Logger): ChatModelChain | null =>
        chatModelChainFromConfig(config, { registry, logger, breaker: breakerOptionsFromConfig(config) }) ?? null,
    },
    {
      provide: DialogOrchestrator,
      inject: [BUS, SESSION_STORE, CALL_INFO_STORE, SQL_DATABASE, TURN_ENGINE, LOGGER, SERVICE_CONFIG, LLM_CHAIN],
      useFactory: (bus: Bus, sessions: SessionStore, callInfo: CallInfoStore, db: SqlDatabase, turnEngine: TurnEngine, logger: Logger, config: DialogConfig, llm: ChatModelChain | null) =>
        new DialogOrchestrator({
          bus,
          sessions,
          callInfo,
          tenants: new TenantDirectory(db),
          engine: turnEngine,
          logger,
          now: Date.now,
          toolTimeoutMs: config.DIALOG_TOOL_TIMEOUT_MS,
          voicemailPolicy: new VoicemailPolicyDirectory(db),
          ...(llm === null ? {} : { llm }),
        }),
    },
  ];
}
