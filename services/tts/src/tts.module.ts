import { type DynamicModule, Module } from '@nestjs/common';

/**
 * The tts service's own providers and controllers; none yet. What lands here:
 * Speech-request consumer, per-segment synthesis streamed as 8 kHz mu-law, cancellable per turn (issue: speech synthesis).
 */
@Module({})
export class TtsModule {
  static register(): DynamicModule {
    return { module: TtsModule, providers: [], controllers: [] };
  }
}
