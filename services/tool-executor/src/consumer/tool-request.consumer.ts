import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Bus, Subscription } from '@va/bus';
import type { MessageInit } from '@va/contracts';
import { fieldCipherFromConfig, type FieldKeyringVariables, type SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import { BUS, LOGGER, SERVICE_CONFIG, SQL_DATABASE } from '@va/service-kit';
import { createToolCatalog } from '../tools/tool.list';
import { handleToolRequest } from './tool-request.handler';

/** Consumes tool.request for the service's lifetime and answers on tool.result. */
@Injectable()
export class ToolRequestConsumer implements OnModuleInit, OnModuleDestroy {
  private subscription: Subscription | undefined;

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_CONFIG) private readonly config: FieldKeyringVariables,
  ) {}

  async onModuleInit(): Promise<void> {
    const catalog = createToolCatalog();
    const deps = {
      db: this.db,
      catalog,
      clock: () => new Date(),
      cipher: fieldCipherFromConfig(this.config),
      logger: this.logger,
      publishResult: (message: MessageInit<'tool.result'>) => this.bus.publish('tool.result', message),
    };
    this.subscription = await this.bus.subscribe('tool.request', (delivery) => handleToolRequest(delivery.message, deps), { group: 'tool-executor' });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.close();
  }
}
