import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { dropConnection } from './connection.drop';
import { admitUpgrade, type AdmittedUpgrade, type UpgradeGateOptions } from './upgrade.gate';
import { acceptSubprotocol } from './websocket.subprotocol';

/**
 * The WebSocket side shared by Deepgram's sockets: admits an upgrade like Deepgram (auth,
 * query, faults), answers with the `dg-request-id` header, and hands the open socket over.
 */
export class DeepgramSocketServer<Query> {
  private readonly server = new WebSocketServer({ noServer: true, perMessageDeflate: false, handleProtocols: acceptSubprotocol });
  private readonly requestIds = new WeakMap<IncomingMessage, string>();

  constructor(private readonly gate: UpgradeGateOptions<Query>) {
    this.server.on('headers', (headers, request) => {
      const requestId = this.requestIds.get(request);
      if (requestId !== undefined) headers.push(`dg-request-id: ${requestId}`);
    });
  }

  accept(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    url: URL,
    onOpen: (webSocket: WebSocket, admitted: AdmittedUpgrade<Query>, drop: () => void) => void,
  ): void {
    const admitted = admitUpgrade(request, socket, url, this.gate);
    if (admitted === undefined) return;
    this.requestIds.set(request, admitted.requestId);
    this.server.handleUpgrade(request, socket, head, (webSocket) => onOpen(webSocket, admitted, () => dropConnection(socket)));
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    for (const socket of this.gate.hanging) socket.destroy();
    this.server.close();
  }
}
