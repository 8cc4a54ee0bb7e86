import { type DynamicModule, Module } from '@nestjs/common';

/**
 * The stt service's own providers and controllers; none yet. What lands here:
 * One streaming recognizer per live call behind a breaker-wrapped fallback chain, publishing transcripts (issue: speech recognition).
 */
@Module({})
export class SttModule {
  static register(): DynamicModule {
    return { module: SttModule, providers: [], controllers: [] };
  }
}
