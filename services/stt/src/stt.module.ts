import { type DynamicModule, Module } from '@nestjs/common';
import { SttConsumer } from './consumer/stt.consumer';

/** The stt service's own providers: the pipeline from call.audio.in to call.transcript. */
@Module({})
export class SttModule {
  static register(): DynamicModule {
    return { module: SttModule, providers: [SttConsumer], controllers: [] };
  }
}
