import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createNestLoggerAdapter, type Logger } from '@va/observability';
import { ServiceKitModule, type ServiceKitModuleOptions } from '../module/service-kit.module';
import { ServiceRootModule } from '../module/service-root.module';
import type { ServiceDefinition } from '../service.definition';

export interface StartServiceAppOptions extends ServiceKitModuleOptions {
  readonly definition: ServiceDefinition;
  /** 0 asks the OS for an ephemeral port. */
  readonly port: number;
  /**
   * Nest's own logger is process-wide (the last app to set it wins), so with several apps in
   * one process their framework messages go to this logger; the service's logger otherwise.
   */
  readonly frameworkLogger?: Logger;
}

/** One listening service app; close() stops HTTP, then closes the resources it owns. */
export interface RunningServiceApp {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  beginDraining(): void;
  close(): Promise<void>;
}

/** Builds the service's Nest app (kit module + its own module), listens, logs "service listening". */
export async function startServiceApp(options: StartServiceAppOptions): Promise<RunningServiceApp> {
  const { definition, logger } = options;
  const root = ServiceRootModule.compose(ServiceKitModule.forRoot(options), definition.module());
  const app: INestApplication = await NestFactory.create(root, {
    logger: createNestLoggerAdapter(options.frameworkLogger ?? logger),
    abortOnError: false,
  });
  // Registered before listen(), this parser takes the place of the framework's default JSON one.
  if (definition.jsonBodyLimitBytes !== undefined) (app as NestExpressApplication).useBodyParser('json', { limit: definition.jsonBodyLimitBytes });
  try {
    await app.listen(options.port);
  } catch (error) {
    await app.close();
    throw error;
  }
  const server: Server = app.getHttpServer();
  const port = (server.address() as AddressInfo).port;
  logger.info('service listening', { port, mode: options.mode });
  return {
    name: definition.name,
    port,
    url: `http://127.0.0.1:${port}`,
    beginDraining: () => options.readiness.beginDraining(),
    close: () => app.close(),
  };
}
