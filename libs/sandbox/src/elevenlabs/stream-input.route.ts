import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FaultSwitch } from '../stand-in/fault.switch';
import { loggableHeaders, type RequestLog } from '../stand-in/request.log';
import { keyFromHeaders } from './elevenlabs.auth';
import { faultDetail, voiceNotFound } from './elevenlabs-error.body';
import type { SpeechSignalSynthesizer } from './speech-signal.synthesizer';
import { errorFrame } from './stream-input.messages';
import { parseStreamInputQuery } from './stream-input.query';
import { StreamInputSession } from './stream-input.session';
import type { SynthesisRecord } from './synthesis.record';
import { decodeVoiceId } from './voice-id';

export interface StreamInputDependencies {
  readonly apiKeys: ReadonlySet<string>;
  readonly voiceIds: ReadonlySet<string> | undefined;
  readonly faults: FaultSwitch;
  readonly requests: RequestLog;
  readonly synthesizer: SpeechSignalSynthesizer;
  readonly syntheses: SynthesisRecord[];
}

export interface StreamInputRoute {
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

const STREAM_INPUT_PATH = /^\/v1\/text-to-speech\/([^/]+)\/stream-input$/;

/**
 * WebSocket upgrades to `/v1/text-to-speech/{voice_id}/stream-input`. Each connection takes a
 * fault plan: http-error refuses the upgrade with that status, hang never completes the
 * handshake; otherwise the socket opens and a session runs it. A bad query or unknown voice is
 * answered on the open socket with an error frame and close 1008.
 */
export function streamInputRoute(deps: StreamInputDependencies): StreamInputRoute {
  const server = new WebSocketServer({ noServer: true });
  return {
    upgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const match = STREAM_INPUT_PATH.exec(url.pathname);
      const voiceId = decodeVoiceId(match?.[1] ?? '');
      const connectionId = randomUUID();
      const query = Object.fromEntries(url.searchParams);
      if (match === null || voiceId === undefined) {
        refuse(socket, 404, { detail: 'Not Found' });
        return;
      }
      const plan = deps.faults.next();
      deps.requests.record({
        kind: 'ws-open',
        path: url.pathname,
        query,
        headers: loggableHeaders(request.headers),
        detail: { connectionId, fault: plan.fault.kind },
      });
      if (plan.fault.kind === 'http-error') {
        refuse(socket, plan.fault.status, faultDetail(plan.fault.status));
        return;
      }
      if (plan.fault.kind === 'hang') return;
      socket.on('error', () => socket.destroy());
      server.handleUpgrade(request, socket, head, (ws: WebSocket) => {
        const parsed = parseStreamInputQuery(url.searchParams);
        const problem = !parsed.ok ? parsed.message : deps.voiceIds !== undefined && !deps.voiceIds.has(voiceId) ? voiceNotFound(voiceId).detail.message : undefined;
        if (!parsed.ok || problem !== undefined) {
          ws.send(errorFrame(parsed.ok ? 'voice_not_found' : 'invalid_request', problem ?? 'invalid request', 1008));
          ws.close(1008, (problem ?? '').slice(0, 120));
          return;
        }
        new StreamInputSession(ws, {
          connectionId,
          path: url.pathname,
          voiceId,
          query: parsed.query,
          plan,
          apiKeys: deps.apiKeys,
          handshakeKey: keyFromHeaders(request.headers),
          synthesizer: deps.synthesizer,
          syntheses: deps.syntheses,
          requests: deps.requests,
        });
      });
    },
    close() {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}

function refuse(socket: Duplex, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
