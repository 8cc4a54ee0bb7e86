import { type DynamicModule, Module } from '@nestjs/common';
import { DeterministicEngine } from './engine';
import { DialogConsumer } from './orchestrator/dialog.consumer';
import { dialogProviders } from './orchestrator/dialog.providers';

/**
 * The dialog-manager: the conversation of each call, driven by its events (call start and end,
 * transcripts, playback, tool results, key presses) through the conversation engine, with the
 * session in Redis (in memory in embedded mode). Caller turns in conversational stages go to the
 * LLM chain when one is configured; the deterministic flow engine answers every other turn, and
 * every turn when no model is configured or every model is down.
 */
@Module({})
export class DialogManagerModule {
  static register(): DynamicModule {
    return { module: DialogManagerModule, providers: [...dialogProviders(() => new DeterministicEngine()), DialogConsumer], controllers: [] };
  }
}
