import { type DynamicModule, Module } from '@nestjs/common';
import { DeterministicEngine } from './engine';
import { DialogConsumer } from './orchestrator/dialog.consumer';
import { dialogProviders } from './orchestrator/dialog.providers';

/**
 * The dialog-manager: the conversation of each call, driven by its events (call start and end,
 * transcripts, playback, tool results, key presses) through the conversation engine, with the
 * session in Redis (in memory in embedded mode). The engine is the deterministic flow engine;
 * the LLM turn stream (./llm) is built and tested beside it and is wired next (issue: dialog manager).
 */
@Module({})
export class DialogManagerModule {
  static register(): DynamicModule {
    return { module: DialogManagerModule, providers: [...dialogProviders(() => new DeterministicEngine()), DialogConsumer], controllers: [] };
  }
}
