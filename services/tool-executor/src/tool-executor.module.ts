import { type DynamicModule, Module } from '@nestjs/common';

/**
 * The tool-executor service's own providers and controllers; none yet. What lands here:
 * Tool-request consumer and the repositories behind CRM, eligibility, pricing, availability, booking, consent, DNC and messages (issue: tools).
 */
@Module({})
export class ToolExecutorModule {
  static register(): DynamicModule {
    return { module: ToolExecutorModule, providers: [], controllers: [] };
  }
}
