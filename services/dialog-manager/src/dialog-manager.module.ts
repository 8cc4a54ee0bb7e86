import { type DynamicModule, Module } from '@nestjs/common';

/**
 * The dialog-manager service's own providers and controllers; none wired yet. Built and tested
 * beside it: sessions (./session), spoken-language primitives (./language), LLM turn streaming
 * (./llm) and flows as data (./flows). What lands here next: the conversation engine
 * (deterministic flow engine and LLM turns), the transcript, playback and tool-result
 * consumers, turn-taking and barge-in (issue: dialog manager).
 */
@Module({})
export class DialogManagerModule {
  static register(): DynamicModule {
    return { module: DialogManagerModule, providers: [], controllers: [] };
  }
}
