import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig, type EnvSource } from '@va/config';
import type { Logger } from '@va/observability';
import { Registry } from 'prom-client';
import { chatModelChainFromConfig, chatModelsFromConfig, llmConfigShape } from './llm.config';

class RecordingLogger implements Logger {
  readonly warnings: Array<{ message: string; fields: Readonly<Record<string, unknown>> }> = [];
  debug(): void {}
  info(): void {}
  warn(message: string, fields: Readonly<Record<string, unknown>> = {}): void {
    this.warnings.push({ message, fields });
  }
  error(): void {}
  child(): Logger {
    return this;
  }
}

const SECONDARY: EnvSource = {
  LLM_SECONDARY_BASE_URL: 'http://127.0.0.1:8000/v1',
  LLM_SECONDARY_API_KEY: 'sk-secondary-secret',
  LLM_SECONDARY_MODEL: 'llama-3.1-8b-instruct',
};

describe('llm config', () => {
  it('boots with nothing set: OpenAI defaults, no secondary, a 1500 ms first-token budget', () => {
    const config = loadConfig(llmConfigShape, {});
    assert.deepEqual(config, {
      OPENAI_API_KEY: undefined,
      OPENAI_BASE_URL: 'https://api.openai.com/v1',
      OPENAI_CHAT_MODEL: 'gpt-4o-mini',
      LLM_SECONDARY_BASE_URL: undefined,
      LLM_SECONDARY_API_KEY: undefined,
      LLM_SECONDARY_MODEL: undefined,
      LLM_FIRST_TOKEN_BUDGET_MS: 1_500,
    });
  });

  it('rejects a bad secondary URL and a bad budget, naming both variables', () => {
    assert.throws(
      () => loadConfig(llmConfigShape, { LLM_SECONDARY_BASE_URL: 'ftp://example.com', LLM_FIRST_TOKEN_BUDGET_MS: 'soon' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.issues.map((issue) => issue.variable).sort(), ['LLM_FIRST_TOKEN_BUDGET_MS', 'LLM_SECONDARY_BASE_URL']);
        return true;
      },
    );
  });

  const selections: Array<[string, EnvSource, string[], string[]]> = [
    ['no key at all: no model', {}, [], ['openai', 'llm-secondary']],
    ['only the OpenAI key: the primary alone', { OPENAI_API_KEY: 'sk-primary-secret' }, ['openai'], ['llm-secondary']],
    ['a fully configured secondary without OpenAI', SECONDARY, ['llm-secondary'], ['openai']],
    ['both, primary first', { OPENAI_API_KEY: 'sk-primary-secret', ...SECONDARY }, ['openai', 'llm-secondary'], []],
    ['a secondary without its key is left out', { OPENAI_API_KEY: 'sk-primary-secret', ...SECONDARY, LLM_SECONDARY_API_KEY: undefined }, ['openai'], ['llm-secondary']],
    ['a secondary without its model is left out', { OPENAI_API_KEY: 'sk-primary-secret', ...SECONDARY, LLM_SECONDARY_MODEL: undefined }, ['openai'], ['llm-secondary']],
  ];
  for (const [label, env, expected, leftOut] of selections) {
    it(`selects the models: ${label}`, () => {
      const logger = new RecordingLogger();
      const models = chatModelsFromConfig(loadConfig(llmConfigShape, env), logger);
      assert.deepEqual(models.map((model) => model.name), expected);
      assert.deepEqual(logger.warnings.map((warning) => warning.fields['provider']), leftOut);
      assert.ok(!JSON.stringify(logger.warnings).includes('secret'), 'no key value is logged');
    });
  }

  it('names the unset secondary variables in its warning', () => {
    const logger = new RecordingLogger();
    chatModelsFromConfig(loadConfig(llmConfigShape, { LLM_SECONDARY_BASE_URL: 'http://127.0.0.1:8000/v1' }), logger);
    const warning = logger.warnings.find((each) => each.fields['provider'] === 'llm-secondary');
    assert.deepEqual(warning?.fields['variables'], ['LLM_SECONDARY_API_KEY', 'LLM_SECONDARY_MODEL']);
  });

  it('builds the chain of the configured models, or none when no model is configured', () => {
    const logger = new RecordingLogger();
    const registry = new Registry();
    const chain = chatModelChainFromConfig(loadConfig(llmConfigShape, { OPENAI_API_KEY: 'sk-primary-secret', ...SECONDARY }), { registry, logger });
    assert.deepEqual(chain?.names, ['openai', 'llm-secondary']);
    assert.equal(chain?.breakerState('openai'), 'closed');
    chain?.shutdown();
    assert.equal(chatModelChainFromConfig(loadConfig(llmConfigShape, {}), { registry: new Registry(), logger }), undefined);
  });
});
