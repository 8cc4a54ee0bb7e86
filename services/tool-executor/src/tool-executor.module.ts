import { type DynamicModule, Module } from '@nestjs/common';
import { ToolRequestConsumer } from './consumer/tool-request.consumer';

/** The tool-executor's own providers: the tool.request consumer (tools run against the database port). */
@Module({})
export class ToolExecutorModule {
  static register(): DynamicModule {
    return { module: ToolExecutorModule, providers: [ToolRequestConsumer], controllers: [] };
  }
}
