import { describeMissingPlaceholders } from '../flows';

/**
 * A line could not be rendered because a placeholder had no value: a wiring bug (a fact the
 * engine should have had). The message names the stage and placeholders, never a value.
 */
export class EngineTemplateError extends Error {
  constructor(
    readonly stageId: string,
    readonly missing: readonly string[],
  ) {
    super(`stage ${stageId}: ${describeMissingPlaceholders(missing)}`);
    this.name = 'EngineTemplateError';
  }
}
