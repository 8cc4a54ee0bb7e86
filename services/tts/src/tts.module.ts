import { type DynamicModule, Module } from '@nestjs/common';
import { TtsConsumer } from './consumer/tts.consumer';

/** The tts service's own providers: the speech consumer (synthesis chain and engine inside). */
@Module({})
export class TtsModule {
  static register(): DynamicModule {
    return { module: TtsModule, providers: [TtsConsumer], controllers: [] };
  }
}
