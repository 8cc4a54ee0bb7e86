import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Logger } from '@va/observability';
import { LOGGER, SERVICE_READINESS, type ServiceReadiness } from '@va/service-kit';
import { WebSocketServer } from 'ws';
import { GatewayMetrics } from '../metrics/gateway.metrics';
import { MEDIA_STREAM_PATH, PublicUrls } from '../webhooks/public.urls';
import { TwilioSignatureVerifier } from '../webhooks/twilio-signature.verifier';
import { CallEventsPublisher } from './call-events.publisher';
import { LiveCallRegistry } from './live-call.registry';
import { LiveCallTerminator } from './live-call.terminator';
import { MediaStreamConnection } from './media-stream.connection';
import { StreamAdmission } from './stream.admission';

/** Twilio media messages are small JSON; anything near this is not Twilio. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * The Media Streams WebSocket endpoint on the service's own HTTP server: signed upgrades to
 * /twilio/media become MediaStreamConnections; anything else is refused before the upgrade.
 */
@Injectable()
export class MediaSocketServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES, perMessageDeflate: false });
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => this.upgrade(request, socket, head);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly urls: PublicUrls,
    private readonly verifier: TwilioSignatureVerifier,
    private readonly admission: StreamAdmission,
    private readonly registry: LiveCallRegistry,
    private readonly terminator: LiveCallTerminator,
    private readonly events: CallEventsPublisher,
    private readonly metrics: GatewayMetrics,
    @Inject(SERVICE_READINESS) private readonly readiness: ServiceReadiness,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.adapterHost.httpAdapter.getHttpServer().on('upgrade', this.onUpgrade);
  }

  /** After the drain: whatever socket is left is closed, so the HTTP server can stop. */
  beforeApplicationShutdown(): void {
    this.adapterHost.httpAdapter.getHttpServer().off('upgrade', this.onUpgrade);
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => undefined);
    const path = (request.url ?? '').split('?')[0];
    if (path !== MEDIA_STREAM_PATH) return refuse(socket, 404, 'Not Found');
    if (!this.verifier.configured) return refuse(socket, 503, 'Service Unavailable');
    if (this.readiness.draining) return refuse(socket, 503, 'Service Unavailable');
    const signature = headerValue(request.headers['x-twilio-signature']);
    if (!this.verifier.verify(`${this.urls.wsBase()}${request.url ?? ''}`, signature, {})) {
      this.metrics.frameDropped('rejected-start');
      this.logger.warn('media stream upgrade refused: bad signature');
      return refuse(socket, 403, 'Forbidden');
    }
    this.sockets.handleUpgrade(request, socket, head, (ws) => {
      new MediaStreamConnection(ws, {
        admission: this.admission,
        registry: this.registry,
        terminator: this.terminator,
        events: this.events,
        metrics: this.metrics,
        logger: this.logger,
      });
    });
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
