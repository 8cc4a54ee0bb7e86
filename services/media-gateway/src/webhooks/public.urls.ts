import type { AddressInfo } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SERVICE_CONFIG } from '@va/service-kit';
import type { GatewayConfig } from '../config/gateway.config';

export const MEDIA_STREAM_PATH = '/twilio/media';

/** The URLs Twilio uses to reach this instance: PUBLIC_BASE_URL, else the address it listens on. */
@Injectable()
export class PublicUrls {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** e.g. https://gw.example.com (no trailing slash). */
  httpBase(): string {
    if (this.config.PUBLIC_BASE_URL !== undefined) return this.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
    const address = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo | null;
    return `http://127.0.0.1:${address?.port ?? 0}`;
  }

  /** The same origin with ws:// or wss://. */
  wsBase(): string {
    return this.httpBase().replace(/^http/, 'ws');
  }

  mediaStreamUrl(): string {
    return `${this.wsBase()}${MEDIA_STREAM_PATH}`;
  }
}
