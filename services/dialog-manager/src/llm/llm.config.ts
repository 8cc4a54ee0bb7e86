import { envVar } from '@va/config';
import type { Logger } from '@va/observability';
import type { BreakerOptions } from '@va/resilience';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { ChatModel } from './chat.model';
import { ChatModelChain } from './chat-model.chain';
import { OpenAiChatModel } from './openai-chat.model';

const DEFAULT_FIRST_TOKEN_BUDGET_MS = 1_500;

/** The chain's provider labels (metric labels, never call data). */
export const PRIMARY_LLM_NAME = 'openai';
export const SECONDARY_LLM_NAME = 'llm-secondary';

const modelName = () => z.string().trim().min(1);

/**
 * The LLM variables. Every one is optional so the service boots with none: a model without its
 * key (or, for the secondary, without its base URL or model) is left out, and with no model at
 * all the deterministic flow engine answers every turn.
 */
export const llmConfigShape = {
  OPENAI_API_KEY: envVar.optionalSecret(),
  OPENAI_BASE_URL: envVar.url('https://api.openai.com/v1'),
  OPENAI_CHAT_MODEL: modelName().default('gpt-4o-mini'),
  /** Any OpenAI-compatible endpoint, tried when OpenAI fails. */
  LLM_SECONDARY_BASE_URL: envVar.optionalUrl(),
  LLM_SECONDARY_API_KEY: envVar.optionalSecret(),
  LLM_SECONDARY_MODEL: modelName().optional(),
  /** Time from request to the first token or tool call before a model counts as failed. */
  LLM_FIRST_TOKEN_BUDGET_MS: envVar.durationMs(DEFAULT_FIRST_TOKEN_BUDGET_MS),
};

export type LlmConfig = z.output<z.ZodObject<typeof llmConfigShape>>;

/** The configured models, primary first; each one left out is logged with the variable it lacks (never a value). */
export function chatModelsFromConfig(config: Readonly<LlmConfig>, logger: Logger): ChatModel[] {
  const models: ChatModel[] = [];
  if (config.OPENAI_API_KEY === undefined) logger.warn('llm provider left out: no API key', { provider: PRIMARY_LLM_NAME, variable: 'OPENAI_API_KEY' });
  else models.push(new OpenAiChatModel({ name: PRIMARY_LLM_NAME, baseUrl: config.OPENAI_BASE_URL, apiKey: config.OPENAI_API_KEY, model: config.OPENAI_CHAT_MODEL }));
  const { LLM_SECONDARY_BASE_URL: baseUrl, LLM_SECONDARY_API_KEY: apiKey, LLM_SECONDARY_MODEL: model } = config;
  if (baseUrl !== undefined && apiKey !== undefined && model !== undefined) {
    models.push(new OpenAiChatModel({ name: SECONDARY_LLM_NAME, baseUrl, apiKey, model }));
  } else {
    const unset = Object.entries({ LLM_SECONDARY_BASE_URL: baseUrl, LLM_SECONDARY_API_KEY: apiKey, LLM_SECONDARY_MODEL: model })
      .filter(([, value]) => value === undefined)
      .map(([variable]) => variable);
    logger.warn('llm provider left out: not configured', { provider: SECONDARY_LLM_NAME, variables: unset });
  }
  return models;
}

export interface LlmChainDeps {
  readonly registry: Registry;
  readonly logger: Logger;
  readonly breaker?: BreakerOptions;
}

/** The chain of the configured models; undefined when none is configured (every turn goes to the deterministic engine). */
export function chatModelChainFromConfig(config: Readonly<LlmConfig>, deps: LlmChainDeps): ChatModelChain | undefined {
  const models = chatModelsFromConfig(config, deps.logger);
  if (models.length === 0) return undefined;
  return new ChatModelChain(models, {
    registry: deps.registry,
    firstTokenBudgetMs: config.LLM_FIRST_TOKEN_BUDGET_MS,
    ...(deps.breaker === undefined ? {} : { breaker: deps.breaker }),
  });
}
