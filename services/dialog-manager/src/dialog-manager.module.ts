import { type DynamicModule, Module } from '@nestjs/common';

/**
 * The dialog-manager service's own providers and controllers; none yet. What lands here:
 * Transcript consumer, flow stages and slots, LLM turns with tools, sentence-chunked speech requests, barge-in, Redis sessions (issue: dialog turns).
 */
@Module({})
export class DialogManagerModule {
  static register(): DynamicModule {
    return { module: DialogManagerModule, providers: [], controllers: [] };
  }
}
